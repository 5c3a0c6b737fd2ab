package org.losseval.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;

/**
 * A Parquet file's schema as a tree, built from the footer's flat list of {@link SchemaElement}s (depth first,
 * each group followed by its {@code num_children} children), with each leaf's maximum definition and
 * repetition levels: the number of optional-or-repeated, respectively repeated, fields on its path (the
 * Dremel encoding, Parquet format's {@code README}, "Nested Encoding").
 *
 * <p>The footer is untrusted: a child count that runs past the list, elements left over, a field that is
 * neither a group nor a primitive, or nesting deeper than {@link #MAX_DEPTH} are "corrupt footer" errors
 * (IOException, described by {@link ParquetErrors}), never a stack overflow.
 */
final class ParquetSchema {
    /** Deeper nesting is refused: real schemas are a few levels deep, and recursion must stay bounded. */
    static final int MAX_DEPTH = 64;

    /** One field of the schema. */
    static final class Field {
        final String name;
        /** REQUIRED, OPTIONAL or REPEATED; the root's is REQUIRED. */
        final FieldRepetitionType repetition;
        /** The physical type of a primitive, null for a group. */
        final Type type;
        final SchemaElement element;
        final List<Field> children;
        final int maxDefinition;
        final int maxRepetition;
        /** Index of this leaf among the file's leaves (its column chunk's position in a row group), -1 for a group. */
        final int leaf;
        final String path;

        private Field(String name, FieldRepetitionType repetition, Type type, SchemaElement element, List<Field> children,
                      int maxDefinition, int maxRepetition, int leaf, String path) {
            this.name = name;
            this.repetition = repetition;
            this.type = type;
            this.element = element;
            this.children = children;
            this.maxDefinition = maxDefinition;
            this.maxRepetition = maxRepetition;
            this.leaf = leaf;
            this.path = path;
        }

        boolean isPrimitive() { return type != null; }

        boolean isRepeated() { return repetition == FieldRepetitionType.REPEATED; }

        boolean isOptional() { return repetition == FieldRepetitionType.OPTIONAL; }

        /** Whether this is a group annotated as a LIST (logical type, or the older converted type). */
        boolean isListAnnotated() {
            return !isPrimitive() && ((element.isSetLogicalType() && element.getLogicalType().isSetLIST())
                    || element.getConverted_type() == ConvertedType.LIST);
        }

        /** "INT32 (DECIMAL(9,2))", "BINARY (STRING)", "DOUBLE": the type as messages show it. */
        String typeText() {
            String annotation = annotation();
            // parquet-java's name for the physical type BYTE_ARRAY, which users know from its messages and tools.
            String physical = type == Type.BYTE_ARRAY ? "BINARY" : type.name();
            return physical + (annotation == null ? "" : " (" + annotation + ")");
        }

        /**
         * The logical type as parquet-java names it ({@code STRING}, {@code DECIMAL(9,2)}, {@code INTEGER(8,true)},
         * {@code TIMESTAMP(MICROS,true)}), from the logical type or else the converted type; null when none.
         */
        String annotation() {
            if (element.isSetLogicalType()) return logical(element.getLogicalType());
            if (!element.isSetConverted_type()) return null;
            ConvertedType converted = element.getConverted_type();
            return switch (converted) {
                case UTF8 -> "STRING";
                case INT_8 -> "INTEGER(8,true)";
                case INT_16 -> "INTEGER(16,true)";
                case INT_32 -> "INTEGER(32,true)";
                case INT_64 -> "INTEGER(64,true)";
                case UINT_8 -> "INTEGER(8,false)";
                case UINT_16 -> "INTEGER(16,false)";
                case UINT_32 -> "INTEGER(32,false)";
                case UINT_64 -> "INTEGER(64,false)";
                case DECIMAL -> "DECIMAL(" + element.getPrecision() + "," + element.getScale() + ")";
                case TIME_MILLIS -> "TIME(MILLIS,true)";
                case TIME_MICROS -> "TIME(MICROS,true)";
                case TIMESTAMP_MILLIS -> "TIMESTAMP(MILLIS,true)";
                case TIMESTAMP_MICROS -> "TIMESTAMP(MICROS,true)";
                default -> converted.name();
            };
        }

        /** Null when not an integer annotation, else whether it is signed. */
        Boolean integerSigned() {
            if (element.isSetLogicalType()) {
                LogicalType logical = element.getLogicalType();
                return logical.isSetINTEGER() ? logical.getINTEGER().isIsSigned() : null;
            }
            if (!element.isSetConverted_type()) return null;
            return switch (element.getConverted_type()) {
                case INT_8, INT_16, INT_32, INT_64 -> Boolean.TRUE;
                case UINT_8, UINT_16, UINT_32, UINT_64 -> Boolean.FALSE;
                default -> null;
            };
        }

        private static String logical(LogicalType logical) {
            if (logical.isSetDECIMAL()) {
                return "DECIMAL(" + logical.getDECIMAL().getPrecision() + "," + logical.getDECIMAL().getScale() + ")";
            }
            if (logical.isSetINTEGER()) {
                return "INTEGER(" + logical.getINTEGER().getBitWidth() + "," + logical.getINTEGER().isIsSigned() + ")";
            }
            if (logical.isSetTIME()) {
                return "TIME(" + unit(logical.getTIME().getUnit()) + "," + logical.getTIME().isIsAdjustedToUTC() + ")";
            }
            if (logical.isSetTIMESTAMP()) {
                return "TIMESTAMP(" + unit(logical.getTIMESTAMP().getUnit()) + ","
                        + logical.getTIMESTAMP().isIsAdjustedToUTC() + ")";
            }
            if (logical.getSetField() == null) return "UNKNOWN";
            return logical.getSetField().getFieldName();
        }

        private static String unit(org.apache.parquet.format.TimeUnit unit) {
            if (unit.isSetMILLIS()) return "MILLIS";
            if (unit.isSetMICROS()) return "MICROS";
            return "NANOS";
        }
    }

    final Field root;
    /** The leaves in footer order: a row group's column chunks come in this order. */
    final List<Field> leaves;
    private final Map<String, Field> topLevel = new LinkedHashMap<>();

    private ParquetSchema(Field root, List<Field> leaves) {
        this.root = root;
        this.leaves = leaves;
        for (Field field : root.children) topLevel.putIfAbsent(field.name, field);
    }

    /** The tree of {@code elements}; IOException "corrupt footer: ..." when they do not form one. */
    static ParquetSchema of(List<SchemaElement> elements) throws IOException {
        if (elements == null || elements.isEmpty()) throw new IOException("corrupt footer: the schema is empty");
        List<Field> leaves = new ArrayList<>();
        int[] next = {0};
        Field root = build(elements, next, 0, 0, 0, leaves, null);
        if (next[0] != elements.size()) {
            throw new IOException("corrupt footer: the schema has " + (elements.size() - next[0])
                    + " elements outside its tree");
        }
        if (root.isPrimitive()) throw new IOException("corrupt footer: the schema's root is not a group");
        return new ParquetSchema(root, List.copyOf(leaves));
    }

    private static Field build(List<SchemaElement> elements, int[] next, int depth, int definition, int repetition,
                               List<Field> leaves, String parentPath) throws IOException {
        if (depth > MAX_DEPTH) throw new IOException("corrupt footer: the schema is nested deeper than " + MAX_DEPTH + " levels");
        if (next[0] >= elements.size()) throw new IOException("corrupt footer: a schema group declares more fields than the schema has");
        SchemaElement element = elements.get(next[0]++);
        String name = element.getName() == null ? "" : element.getName();
        FieldRepetitionType repetitionType = depth == 0 || !element.isSetRepetition_type()
                ? FieldRepetitionType.REQUIRED : element.getRepetition_type();
        if (repetitionType != FieldRepetitionType.REQUIRED) definition++;
        if (repetitionType == FieldRepetitionType.REPEATED) repetition++;
        String path = parentPath == null ? null : parentPath.isEmpty() ? name : parentPath + "." + name;
        // As parquet-java decides: an element with a physical type is a primitive, any other a group.
        boolean group = depth == 0 || !element.isSetType();
        if (!group) {
            Field leaf = new Field(name, repetitionType, element.getType(), element, List.of(), definition, repetition,
                    leaves.size(), path);
            leaves.add(leaf);
            return leaf;
        }
        int count = element.isSetNum_children() ? element.getNum_children() : 0;
        if (count < 0 || count > elements.size() - next[0]) {
            throw new IOException("corrupt footer: a schema group declares " + count + " fields, more than the schema has");
        }
        List<Field> children = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            children.add(build(elements, next, depth + 1, definition, repetition, leaves, path == null ? "" : path));
        }
        return new Field(name, repetitionType, null, element, Collections.unmodifiableList(children), definition,
                repetition, -1, path);
    }

    /** The top-level field of that name, or null. */
    Field field(String name) { return topLevel.get(name); }

    /** The top-level field names, in schema order. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (Field field : root.children) names.add(field.name);
        return names;
    }
}
