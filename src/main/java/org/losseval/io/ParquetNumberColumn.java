package org.losseval.io;

/**
 * One requested Parquet column holding one number per row, checked to be readable.
 *
 * <p>Readable: a top-level, required or optional (not repeated) field of a {@link ParquetNumberKind} type.
 * List columns are read by {@link ParquetListColumn}, as column groups.
 */
final class ParquetNumberColumn {
    private final String name;
    private final ParquetSchema.Field field;
    private final ParquetNumberKind kind;

    private ParquetNumberColumn(String name, ParquetSchema.Field field, ParquetNumberKind kind) {
        this.name = name;
        this.field = field;
        this.kind = kind;
    }

    /** Finds {@code column} among the top-level fields of {@code schema} and checks that it holds numbers. */
    static ParquetNumberColumn resolve(String file, ParquetSchema schema, String column) throws InputException {
        ParquetSchema.Field field = schema.field(column);
        if (field == null) throw ColumnErrors.noSuchColumn(file, column, schema.fieldNames());
        if (ParquetListColumn.isList(field)) {
            throw new InputException(file, 0, column, "a list column, not one number per row; it can only be read"
                    + " as a column group");
        }
        if (!field.isPrimitive()) {
            throw new InputException(file, 0, column, "a nested group, not a number column; "
                    + ParquetNumberKind.READABLE);
        }
        ParquetNumberKind kind = ParquetNumberKind.of(field);
        if (kind == null) throw new InputException(file, 0, column, ParquetNumberKind.unsupported(field));
        return new ParquetNumberColumn(column, field, kind);
    }

    String name() { return name; }

    /** The schema's leaf of this column. */
    ParquetSchema.Field field() { return field; }

    ParquetNumberKind kind() { return kind; }
}
