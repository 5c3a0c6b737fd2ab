package org.losseval.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One requested Parquet column holding one number per row, checked to be readable, and how to read it.
 *
 * <p>Readable: a top-level, required or optional (not repeated) field of a {@link ParquetNumberKind} type.
 * List columns are read by {@link ParquetListColumn}, as column groups.
 */
final class ParquetNumberColumn {
    private final String name;
    private final ColumnDescriptor descriptor;
    private final ParquetNumberKind kind;
    private final Type field;

    private ParquetNumberColumn(String name, ColumnDescriptor descriptor, ParquetNumberKind kind, Type field) {
        this.name = name;
        this.descriptor = descriptor;
        this.kind = kind;
        this.field = field;
    }

    /** Finds {@code column} among the top-level fields of {@code schema} and checks that it holds numbers. */
    static ParquetNumberColumn resolve(String file, MessageType schema, String column) throws InputException {
        if (!schema.containsField(column)) throw ColumnErrors.noSuchColumn(file, column, fieldNames(schema));
        Type field = schema.getType(column);
        if (ParquetListColumn.isList(field)) {
            throw new InputException(file, 0, column, "a list column, not one number per row; it can only be read"
                    + " as a column group");
        }
        if (!field.isPrimitive()) {
            throw new InputException(file, 0, column, "a nested group, not a number column; "
                    + ParquetNumberKind.READABLE);
        }
        ParquetNumberKind kind = ParquetNumberKind.of(field.asPrimitiveType());
        if (kind == null) throw new InputException(file, 0, column, ParquetNumberKind.unsupported(field.asPrimitiveType()));
        return new ParquetNumberColumn(column, schema.getColumnDescription(new String[] {column}), kind, field);
    }

    /** The top-level field names of {@code schema}, in schema order. */
    static List<String> fieldNames(MessageType schema) {
        List<String> names = new ArrayList<>();
        for (Type t : schema.getFields()) names.add(t.getName());
        return names;
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
        out[index] = kind.read(reader);
        reader.consume();
        return true;
    }
}
