package org.losseval.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.losseval.batch.CodeMap;
import org.losseval.text.Numbers;

/**
 * One Parquet column read as text ({@link TextColumns}): a top-level, required or optional field, each value
 * turned into the text of its group or key.
 *
 * <ul>
 *   <li>BINARY, plain or annotated STRING, ENUM or JSON: its bytes as UTF-8 (malformed bytes replaced by
 *       U+FFFD, as the CSV readers decode).
 *   <li>INT32, INT64, plain or annotated as signed or unsigned integers: the integer in decimal, unsigned ones
 *       as unsigned ({@code 4294967295}, not {@code -1}).
 *   <li>BOOLEAN: {@code true} or {@code false}.
 *   <li>DOUBLE and FLOAT: {@link Numbers#exact} (shortest round trip: {@code 0.5}, {@code 1e+20}; a FLOAT as
 *       the double it widens to, so {@code 0.1f} is {@code 0.10000000149011612}): fine for a column of a
 *       few distinct numbers, though a group column is better an integer or a string.
 *   <li>A null: the empty string, the missing value ({@link TextColumns}).
 * </ul>
 * Other types (DECIMAL, dates, times, timestamps, INT96, FIXED_LEN_BYTE_ARRAY, lists, groups) are refused
 * with a message naming the column, rather than shown as raw numbers or bytes.
 *
 * <p>Cost per row: a lookup without a String. A dictionary-encoded page hands out the same {@link Binary}
 * object for the same entry, so a run of one value is one identity comparison; other strings are looked up
 * by their bytes ({@link TextDictionary}), numbers by their bits ({@link CodeMap}).
 */
final class ParquetTextColumn {
    /** The types read as text, for messages. */
    static final String READABLE = "text columns may be strings (BINARY, STRING, ENUM, JSON), integers (INT32,"
            + " INT64), BOOLEAN, DOUBLE or FLOAT";

    private enum Kind { STRING, INT32, UINT32, INT64, UINT64, BOOLEAN, DOUBLE, FLOAT }

    private final String name;
    private final ColumnDescriptor descriptor;
    private final Type field;
    private final Kind kind;
    private final CodeMap byBits = new CodeMap();
    /** {@code dictionaryCode[byBits code]}: the dictionary code of a number seen before. */
    private int[] dictionaryCode = new int[16];
    private Binary lastBinary;
    private int lastCode;

    private ParquetTextColumn(String name, ColumnDescriptor descriptor, Type field, Kind kind) {
        this.name = name;
        this.descriptor = descriptor;
        this.field = field;
        this.kind = kind;
    }

    /** Finds {@code column} among the top-level fields of {@code schema} and checks that it can be read as text. */
    static ParquetTextColumn resolve(String file, MessageType schema, String column) throws InputException {
        if (!schema.containsField(column)) {
            throw ColumnErrors.noSuchColumn(file, column, ParquetNumberColumn.fieldNames(schema));
        }
        Type field = schema.getType(column);
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            throw new InputException(file, 0, column, "a list or nested group, not one value per row; " + READABLE);
        }
        PrimitiveType type = field.asPrimitiveType();
        Kind kind = kind(type);
        if (kind == null) {
            LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
            throw new InputException(file, 0, column, "unsupported type " + type.getPrimitiveTypeName()
                    + (annotation == null ? "" : " (" + annotation + ")") + " for a text column; " + READABLE);
        }
        return new ParquetTextColumn(column, schema.getColumnDescription(new String[] {column}), field, kind);
    }

    private static Kind kind(PrimitiveType type) {
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        boolean unsigned = false;
        switch (type.getPrimitiveTypeName()) {
            case BINARY:
                return annotation == null
                        || annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation ? Kind.STRING : null;
            case INT32:
            case INT64:
                if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer) {
                    unsigned = !integer.isSigned();
                } else if (annotation != null) {
                    return null;
                }
                if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32) {
                    return unsigned ? Kind.UINT32 : Kind.INT32;
                }
                return unsigned ? Kind.UINT64 : Kind.INT64;
            case BOOLEAN:
                return annotation == null ? Kind.BOOLEAN : null;
            case DOUBLE:
                return annotation == null ? Kind.DOUBLE : null;
            case FLOAT:
                return annotation == null ? Kind.FLOAT : null;
            default:
                return null;
        }
    }

    String name() { return name; }

    ColumnDescriptor descriptor() { return descriptor; }

    Type field() { return field; }

    /**
     * The code in {@code dictionary} of the reader's current value (a null gives the empty string's); does not
     * move the reader, so a field also read as numbers is read by both from one reader.
     */
    int codeOfCurrent(ColumnReader reader, TextDictionary dictionary) {
        if (reader.getCurrentDefinitionLevel() < descriptor.getMaxDefinitionLevel()) return dictionary.code("");
        switch (kind) {
            case STRING: {
                Binary value = reader.getBinary();
                if (value != lastBinary) {
                    ByteBuffer bytes = value.toByteBuffer();
                    if (bytes.hasArray()) {
                        int from = bytes.arrayOffset() + bytes.position();
                        lastCode = dictionary.code(bytes.array(), from, from + bytes.remaining());
                    } else {
                        byte[] copy = value.getBytes();
                        lastCode = dictionary.code(copy, 0, copy.length);
                    }
                    lastBinary = value;
                }
                return lastCode;
            }
            case BOOLEAN:
                return dictionary.code(reader.getBoolean() ? "true" : "false");
            case INT32:
            case UINT32:
                return numberCode(reader.getInteger(), dictionary);
            case INT64:
            case UINT64:
                return numberCode(reader.getLong(), dictionary);
            case DOUBLE:
                return numberCode(Double.doubleToRawLongBits(reader.getDouble()), dictionary);
            case FLOAT:
                return numberCode(Double.doubleToRawLongBits(reader.getFloat()), dictionary);
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /** The dictionary code of a number given by its bits, its text made once per distinct number. */
    private int numberCode(long bits, TextDictionary dictionary) {
        int known = byBits.get(bits);
        if (known >= 0) return dictionaryCode[known];
        int code = dictionary.code(text(bits));
        // byBits numbers the distinct bits in its own order; keep the dictionary's code beside each.
        int slot = byBits.codeOf(bits);
        if (slot == dictionaryCode.length) dictionaryCode = Arrays.copyOf(dictionaryCode, 2 * slot);
        dictionaryCode[slot] = code;
        return code;
    }

    private String text(long bits) {
        return switch (kind) {
            case INT32 -> Integer.toString((int) bits);
            case UINT32 -> Integer.toUnsignedString((int) bits);
            case INT64 -> Long.toString(bits);
            case UINT64 -> Long.toUnsignedString(bits);
            case DOUBLE, FLOAT -> Numbers.exact(Double.longBitsToDouble(bits));
            default -> throw new IllegalStateException(kind.name());
        };
    }
}
