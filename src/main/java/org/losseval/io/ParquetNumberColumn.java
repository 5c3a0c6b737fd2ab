package org.losseval.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One requested Parquet column, checked to be readable as numbers, and how to read its values as doubles.
 *
 * <p>Readable: a top-level, required or optional (not repeated) field of physical type DOUBLE, FLOAT,
 * INT32 or INT64, plain or annotated as a signed or unsigned integer. FLOAT widens to double exactly;
 * INT32 and unsigned INT32 exactly; INT64 and unsigned INT64 round to the nearest double above 2^53.
 * Other annotations change what the number means (DECIMAL scales it, DATE/TIME/TIMESTAMP are not
 * quantities), so those columns are refused rather than read as raw integers.
 */
final class ParquetNumberColumn {
    private static final String READABLE = "readable types are DOUBLE, FLOAT, INT32 and INT64";

    private enum Kind { DOUBLE, FLOAT, INT32, UINT32, INT64, UINT64 }

    private final String name;
    private final ColumnDescriptor descriptor;
    private final Kind kind;
    private final Type field;

    private ParquetNumberColumn(String name, ColumnDescriptor descriptor, Kind kind, Type field) {
        this.name = name;
        this.descriptor = descriptor;
        this.kind = kind;
        this.field = field;
    }

    /** Finds {@code column} among the top-level fields of {@code schema} and checks that it holds numbers. */
    static ParquetNumberColumn resolve(String file, MessageType schema, String column) throws InputException {
        if (!schema.containsField(column)) {
            List<String> names = new ArrayList<>();
            for (Type t : schema.getFields()) names.add(t.getName());
            throw ColumnErrors.noSuchColumn(file, column, names);
        }
        Type field = schema.getType(column);
        if (!field.isPrimitive()) {
            throw new InputException(file, 0, column, "a nested group, not a number column; " + READABLE);
        }
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            throw new InputException(file, 0, column, "a repeated (list) column, not one number per row; " + READABLE);
        }
        PrimitiveType primitive = field.asPrimitiveType();
        Kind kind = kindOf(primitive);
        if (kind == null) {
            LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
            String type = primitive.getPrimitiveTypeName() + (annotation == null ? "" : " (" + annotation + ")");
            throw new InputException(file, 0, column, "unsupported type " + type + "; " + READABLE);
        }
        return new ParquetNumberColumn(column, schema.getColumnDescription(new String[] {column}), kind, field);
    }

    private static Kind kindOf(PrimitiveType type) {
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        boolean unsigned = false;
        if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer) {
            unsigned = !integer.isSigned();
        } else if (annotation != null) {
            return null;
        }
        return switch (type.getPrimitiveTypeName()) {
            case DOUBLE -> annotation == null ? Kind.DOUBLE : null;
            case FLOAT -> annotation == null ? Kind.FLOAT : null;
            case INT32 -> unsigned ? Kind.UINT32 : Kind.INT32;
            case INT64 -> unsigned ? Kind.UINT64 : Kind.INT64;
            default -> null;
        };
    }

    String name() { return name; }

    ColumnDescriptor descriptor() { return descriptor; }

    /** The schema field, for the projection that makes the reader fetch only requested columns. */
    Type field() { return field; }

    /**
     * Reads the reader's current value into {@code out[index]} and moves to the next one.
     *
     * @return false for a null (then {@code out[index]} is NaN)
     */
    boolean readInto(ColumnReader reader, double[] out, int index) {
        if (reader.getCurrentDefinitionLevel() < descriptor.getMaxDefinitionLevel()) {
            out[index] = Double.NaN;
            reader.consume();
            return false;
        }
        out[index] = switch (kind) {
            case DOUBLE -> reader.getDouble();
            case FLOAT -> reader.getFloat();
            case INT32 -> reader.getInteger();
            case UINT32 -> Integer.toUnsignedLong(reader.getInteger());
            case INT64 -> reader.getLong();
            case UINT64 -> unsignedToDouble(reader.getLong());
        };
        reader.consume();
        return true;
    }

    /** The unsigned value of {@code bits} rounded to a double (halving keeps the sticky low bit). */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) return bits;
        return ((bits >>> 1) | (bits & 1)) * 2.0;
    }
}
