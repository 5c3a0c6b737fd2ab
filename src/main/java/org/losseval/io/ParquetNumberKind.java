package org.losseval.io;

import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The Parquet primitive types read as numbers, and how each becomes a {@code double}.
 *
 * <p>Readable: physical type DOUBLE, FLOAT, INT32 or INT64, plain or annotated as a signed or unsigned
 * integer. FLOAT widens to double exactly; INT32 and unsigned INT32 exactly; INT64 and unsigned INT64
 * round to the nearest double above 2^53. Other annotations change what the number means (DECIMAL scales
 * it, DATE/TIME/TIMESTAMP are not quantities), so those types are refused rather than read as raw integers.
 */
enum ParquetNumberKind {
    DOUBLE, FLOAT, INT32, UINT32, INT64, UINT64;

    static final String READABLE = "readable types are DOUBLE, FLOAT, INT32 and INT64";

    /** The kind of {@code type}, or null when its values are not read as numbers. */
    static ParquetNumberKind of(PrimitiveType type) {
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        boolean unsigned = false;
        if (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer) {
            unsigned = !integer.isSigned();
        } else if (annotation != null) {
            return null;
        }
        return switch (type.getPrimitiveTypeName()) {
            case DOUBLE -> annotation == null ? DOUBLE : null;
            case FLOAT -> annotation == null ? FLOAT : null;
            case INT32 -> unsigned ? UINT32 : INT32;
            case INT64 -> unsigned ? UINT64 : INT64;
            default -> null;
        };
    }

    /** "unsupported type INT32 (DECIMAL(9,2)); readable types are …", for a type {@link #of} refused. */
    static String unsupported(PrimitiveType type) {
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        return "unsupported type " + type.getPrimitiveTypeName() + (annotation == null ? "" : " (" + annotation + ")")
                + "; " + READABLE;
    }

    /** The reader's current (non-null) value as a double; does not move the reader. */
    double read(ColumnReader reader) {
        return switch (this) {
            case DOUBLE -> reader.getDouble();
            case FLOAT -> reader.getFloat();
            case INT32 -> reader.getInteger();
            case UINT32 -> Integer.toUnsignedLong(reader.getInteger());
            case INT64 -> reader.getLong();
            case UINT64 -> unsignedToDouble(reader.getLong());
        };
    }

    /** The unsigned value of {@code bits} rounded to a double (halving keeps the sticky low bit). */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) return bits;
        return ((bits >>> 1) | (bits & 1)) * 2.0;
    }
}
