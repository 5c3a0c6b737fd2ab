package org.losseval.io;

import java.util.Arrays;
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
 * <p>Cost per row: a lookup without a String. The entries of a dictionary page are looked up once each, when
 * first used ({@link ParquetColumnCursor}); other strings are looked up by their bytes ({@link TextDictionary}),
 * numbers by their bits ({@link CodeMap}).
 */
final class ParquetTextColumn {
    /** The types read as text, for messages. */
    static final String READABLE = "text columns may be strings (BINARY, STRING, ENUM, JSON), integers (INT32,"
            + " INT64), BOOLEAN, DOUBLE or FLOAT";

    private enum Kind { STRING, INT32, UINT32, INT64, UINT64, BOOLEAN, DOUBLE, FLOAT }

    private final String name;
    private final ParquetSchema.Field field;
    private final Kind kind;
    private final CodeMap byBits = new CodeMap();
    /** {@code dictionaryCode[byBits code]}: the dictionary code of a number seen before. */
    private int[] dictionaryCode = new int[16];

    private ParquetTextColumn(String name, ParquetSchema.Field field, Kind kind) {
        this.name = name;
        this.field = field;
        this.kind = kind;
    }

    /** Finds {@code column} among the top-level fields of {@code schema} and checks that it can be read as text. */
    static ParquetTextColumn resolve(String file, ParquetSchema schema, String column) throws InputException {
        ParquetSchema.Field field = schema.field(column);
        if (field == null) throw ColumnErrors.noSuchColumn(file, column, schema.fieldNames());
        if (!field.isPrimitive() || field.isRepeated()) {
            throw new InputException(file, 0, column, "a list or nested group, not one value per row; " + READABLE);
        }
        Kind kind = kind(field);
        if (kind == null) {
            throw new InputException(file, 0, column, "unsupported type " + field.typeText() + " for a text column; "
                    + READABLE);
        }
        return new ParquetTextColumn(column, field, kind);
    }

    private static Kind kind(ParquetSchema.Field field) {
        String annotation = field.annotation();
        switch (field.type) {
            case BYTE_ARRAY:
                return annotation == null || annotation.equals("STRING") || annotation.equals("ENUM")
                        || annotation.equals("JSON") ? Kind.STRING : null;
            case INT32:
            case INT64: {
                Boolean signed = field.integerSigned();
                if (annotation != null && signed == null) return null;
                boolean unsigned = signed != null && !signed;
                if (field.type == org.apache.parquet.format.Type.INT32) return unsigned ? Kind.UINT32 : Kind.INT32;
                return unsigned ? Kind.UINT64 : Kind.INT64;
            }
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

    /** The schema's leaf of this column. */
    ParquetSchema.Field field() { return field; }

    /** The code in {@code dictionary} of a string value, {@code in[from, to)} as UTF-8. */
    int codeOfBytes(byte[] in, int from, int to, TextDictionary dictionary) {
        return dictionary.code(in, from, to);
    }

    /** The code in {@code dictionary} of a non-string value in {@link ParquetValues}' raw form. */
    int codeOfRaw(long raw, TextDictionary dictionary) {
        return switch (kind) {
            case BOOLEAN -> dictionary.code(raw != 0 ? "true" : "false");
            case INT32, UINT32, INT64, UINT64 -> numberCode(raw, dictionary);
            case DOUBLE -> numberCode(raw, dictionary);
            case FLOAT -> numberCode(Double.doubleToRawLongBits(Float.intBitsToFloat((int) raw)), dictionary);
            default -> throw new IllegalStateException(kind.name());
        };
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
