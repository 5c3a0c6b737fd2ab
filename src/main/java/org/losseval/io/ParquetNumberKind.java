package org.losseval.io;


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

    /** The kind of primitive {@code field}, or null when its values are not read as numbers. */
    static ParquetNumberKind of(ParquetSchema.Field field) {
        String annotation = field.annotation();
        Boolean signed = field.integerSigned();
        if (annotation != null && signed == null) return null;
        boolean unsigned = signed != null && !signed;
        return switch (field.type) {
            case DOUBLE -> annotation == null ? DOUBLE : null;
            case FLOAT -> annotation == null ? FLOAT : null;
            case INT32 -> unsigned ? UINT32 : INT32;
            case INT64 -> unsigned ? UINT64 : INT64;
            default -> null;
        };
    }

    /** "unsupported type INT32 (DECIMAL(9,2)); readable types are …", for a type {@link #of} refused. */
    static String unsupported(ParquetSchema.Field field) {
        return "unsupported type " + field.typeText() + "; " + READABLE;
    }

    /**
     * A value in {@link ParquetValues}' raw form as a double: INT32 sign-extended, FLOAT as its 32 bits, DOUBLE
     * and INT64 as their 64 bits.
     */
    double fromRaw(long raw) {
        return switch (this) {
            case DOUBLE -> Double.longBitsToDouble(raw);
            case FLOAT -> Float.intBitsToFloat((int) raw);
            case INT32 -> (int) raw;
            case UINT32 -> raw & 0xffffffffL;
            case INT64 -> raw;
            case UINT64 -> unsignedToDouble(raw);
        };
    }

    /** The unsigned value of {@code bits} rounded to a double (halving keeps the sticky low bit). */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) return bits;
        return ((bits >>> 1) | (bits & 1)) * 2.0;
    }
}
