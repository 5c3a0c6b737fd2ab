package org.losseval.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The requested columns of one CSV input, located in its header: which field of each record holds each
 * batch column.
 *
 * <p>Header names are trimmed ({@link String#strip}); each requested column must appear exactly once.
 * Column groups are resolved here ({@link GroupSpec}), their members appended to the plain columns (a
 * column asked for twice is read once, plain columns first). Both CSV readers ({@link CsvSource},
 * {@link FastCsvSource}) build their layout with this class, so they resolve the same header the same way.
 */
final class CsvColumns {
    /** The number of fields in the header, and so in every record. */
    final int headerSize;
    /** The batch columns, in batch order. */
    final String[] names;
    /** {@code fieldIndex[c]}: the 0-based field holding batch column {@code c}. */
    final int[] fieldIndex;
    final GroupColumns groups;
    /** The text columns, their dictionaries and codes ({@link TextColumns}). */
    final TextColumns texts;
    /** {@code textFieldIndex[t]}: the 0-based field holding text column t, or -1 for a virtual column. */
    final int[] textFieldIndex;

    private CsvColumns(int headerSize, String[] names, int[] fieldIndex, GroupColumns groups, TextColumns texts,
                       int[] textFieldIndex) {
        this.headerSize = headerSize;
        this.names = names;
        this.fieldIndex = fieldIndex;
        this.groups = groups;
        this.texts = texts;
        this.textFieldIndex = textFieldIndex;
    }

    /**
     * @param source       the input name for messages
     * @param headerFields the header's fields as read (untrimmed)
     * @throws InputException (row 0) when a column is missing or ambiguous, or a group does not resolve
     */
    static CsvColumns locate(String source, List<String> headerFields, SourceOptions options) throws InputException {
        List<String> headerNames = new ArrayList<>(headerFields.size());
        for (String field : headerFields) headerNames.add(field.strip());
        LinkedHashSet<String> wanted = new LinkedHashSet<>(options.columns());
        GroupColumns groups = new GroupColumns(source);
        for (String spec : options.groups()) {
            List<String> members = GroupSpec.resolve(source, spec, headerNames);
            groups.put(spec, members);
            wanted.addAll(members);
        }
        String[] names = wanted.toArray(new String[0]);
        int[] fieldIndex = new int[names.length];
        for (int c = 0; c < names.length; c++) fieldIndex[c] = indexOf(source, names[c], headerNames);
        TextColumns texts = TextColumns.resolve(source, options, headerNames);
        int[] textFieldIndex = new int[texts.names.length];
        for (int t = 0; t < textFieldIndex.length; t++) {
            textFieldIndex[t] = texts.isReal(t) ? indexOf(source, texts.names[t], headerNames) : -1;
        }
        return new CsvColumns(headerNames.size(), names, fieldIndex, groups, texts, textFieldIndex);
    }

    private static int indexOf(String source, String column, List<String> headerNames) throws InputException {
        int found = -1;
        for (int i = 0; i < headerNames.size(); i++) {
            if (!headerNames.get(i).equals(column)) continue;
            if (found >= 0) {
                throw new InputException(source, 0, column, "ambiguous: the header names fields " + (found + 1)
                        + " and " + (i + 1) + " alike");
            }
            found = i;
        }
        if (found < 0) throw ColumnErrors.noSuchColumn(source, column, headerNames);
        return found;
    }
}
