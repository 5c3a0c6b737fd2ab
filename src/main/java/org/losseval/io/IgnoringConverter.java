package org.losseval.io;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * The converter tree parquet-java's column readers want, for readers that pull values with
 * {@code getDouble()} and friends instead: every converter ignores what it is given. The tree mirrors the
 * schema because the column store walks it along each column's path (a group for each group on the way).
 */
final class IgnoringConverter {
    private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {};

    private IgnoringConverter() {}

    /** A converter tree for {@code schema} (a projection: only the fields read). */
    static GroupConverter forSchema(GroupType schema) {
        Converter[] children = new Converter[schema.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            Type field = schema.getType(i);
            children[i] = field.isPrimitive() ? PRIMITIVE : forSchema(field.asGroupType());
        }
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) { return children[fieldIndex]; }

            @Override
            public void start() {}

            @Override
            public void end() {}
        };
    }
}
