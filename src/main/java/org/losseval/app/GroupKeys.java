package org.losseval.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.losseval.batch.CodeMap;
import org.losseval.batch.ColumnBatch;
import org.losseval.batch.TextColumn;
import org.losseval.io.InputException;

/**
 * Numbers the groups of a run: each combination of the {@code --group-by} columns' values that occurs gets
 * a group id (0, 1, 2, … in order of first appearance over the inputs, in the order given).
 *
 * <p>Per row and without a String: a source's text codes ({@link TextColumn}, numbered per source) are
 * translated to run-wide value ids by an array per column and source (a new source value is looked up by its
 * text once); several columns are folded left to right, each step a {@link CodeMap} lookup of (prefix id,
 * next value id), and the last prefix is looked up in a final {@link CodeMap} that hands out group ids in
 * order of first appearance among the rows used (a value seen only in skipped rows makes no group). So a
 * row costs one array lookup per column and one map lookup per column.
 *
 * <p>The cap: when a row would make group number {@code maxGroups + 1}, the run stops with an input error
 * naming the file and row, the columns and the cap, before that group's states are made, so memory is
 * bounded by {@code maxGroups} groups. Not thread-safe.
 */
final class GroupKeys {
    private final List<String> columns;
    private final long maxGroups;
    /** Per column: run-wide value id to text, and text to id. */
    private final List<List<String>> values = new ArrayList<>();
    private final List<Map<String, Integer>> ids = new ArrayList<>();
    /** Per column: this source's code to value id, -1 when not seen yet. */
    private int[][] translation;
    /** Folding steps for two or more columns: step j maps (prefix of columns 0..j, value of column j+1). */
    private final CodeMap[] steps;
    /** The last prefix (the value id with one column, the last step's code with more) to group id. */
    private final CodeMap groupOfPrefix = new CodeMap();
    /** With one column: value id to group id (-1: none yet), the same as {@link #groupOfPrefix} without hashing. */
    private int[] groupOfValue = new int[0];
    /** Per group, its value id in each column. */
    private final List<int[]> groupValues = new ArrayList<>();
    private int[] prefix = new int[0];
    /** Per group, the input, line and row where it first appeared: a merge beyond the cap names them. */
    private final List<String> firstSource = new ArrayList<>();
    private long[] firstLine = new long[0];
    private long[] firstRow = new long[0];

    GroupKeys(List<String> columns, long maxGroups) {
        this.columns = List.copyOf(columns);
        this.maxGroups = maxGroups;
        for (int c = 0; c < columns.size(); c++) {
            values.add(new ArrayList<>());
            ids.add(new HashMap<>());
        }
        steps = new CodeMap[Math.max(0, columns.size() - 1)];
        for (int j = 0; j < steps.length; j++) steps[j] = new CodeMap();
        startSource();
    }

    /** Forgets the previous source's codes: the next batch is from a new source. */
    void startSource() {
        translation = new int[columns.size()][0];
    }

    /**
     * The group id of each row of {@code batch} into {@code out[0, size)}, numbering new groups.
     *
     * @throws InputException when a new group would exceed the cap
     */
    void groupsOf(ColumnBatch batch, int[] out) throws InputException {
        int n = batch.size();
        int k = columns.size();
        if (prefix.length < n) prefix = new int[n];
        for (int c = 0; c < k; c++) {
            TextColumn text = batch.textColumn(columns.get(c));
            int[] map = translationFor(c, text);
            int[] codes = text.codes();
            if (c == 0) {
                for (int i = 0; i < n; i++) prefix[i] = map[codes[i]];
            } else {
                CodeMap step = steps[c - 1];
                for (int i = 0; i < n; i++) prefix[i] = step.codeOf(((long) prefix[i] << 32) | map[codes[i]]);
            }
        }
        int groups = groupValues.size();
        int lastPrefix = -1;
        int lastGroup = -1;
        for (int i = 0; i < n; i++) {
            // Runs of one group (sorted data, a file or partition column) skip the lookup.
            int group = prefix[i] == lastPrefix ? lastGroup : groupOf(prefix[i]);
            lastPrefix = prefix[i];
            lastGroup = group;
            if (group >= groups) {
                // Group ids are handed out in order of first appearance, so a new one is exactly the next.
                if (group >= maxGroups) throw tooMany(batch, i);
                groupValues.add(valuesOfRow(batch, i));
                firstSeen(batch.source(), batch.lineNumber(i), batch.rowNumber(i));
                groups++;
            }
            out[i] = group;
        }
    }

    /** The group of a last prefix, numbering it when new: an array by value id with one column, else a map. */
    private int groupOf(int lastPrefix) {
        if (columns.size() > 1) return groupOfPrefix.codeOf(lastPrefix);
        if (lastPrefix >= groupOfValue.length) {
            int old = groupOfValue.length;
            groupOfValue = Arrays.copyOf(groupOfValue, Math.max(lastPrefix + 1, 2 * old));
            Arrays.fill(groupOfValue, old, groupOfValue.length, -1);
        }
        int group = groupOfValue[lastPrefix];
        if (group < 0) {
            group = groupOfPrefix.codeOf(lastPrefix);
            groupOfValue[lastPrefix] = group;
        }
        return group;
    }

    /** The translation of column c's codes for this source, extended to the batch's dictionary. */
    private int[] translationFor(int c, TextColumn text) {
        int[] map = translation[c];
        if (map.length < text.distinct()) {
            int old = map.length;
            map = Arrays.copyOf(map, text.distinct());
            for (int code = old; code < map.length; code++) map[code] = valueId(c, text.value(code));
            translation[c] = map;
        }
        return map;
    }

    private int valueId(int c, String text) {
        Integer id = ids.get(c).get(text);
        if (id != null) return id;
        int next = values.get(c).size();
        values.get(c).add(text);
        ids.get(c).put(text, next);
        return next;
    }

    private int[] valuesOfRow(ColumnBatch batch, int i) {
        int[] row = new int[columns.size()];
        for (int c = 0; c < row.length; c++) {
            TextColumn text = batch.textColumn(columns.get(c));
            row[c] = translation[c][text.code(i)];
        }
        return row;
    }

    private void firstSeen(String source, long line, long row) {
        int g = groupValues.size() - 1;
        if (g >= firstLine.length) {
            firstLine = Arrays.copyOf(firstLine, Math.max(16, 2 * firstLine.length));
            firstRow = Arrays.copyOf(firstRow, firstLine.length);
        }
        firstSource.add(source);
        firstLine[g] = line;
        firstRow[g] = row;
    }

    private InputException tooMany(ColumnBatch batch, int i) {
        return tooMany(batch.source(), batch.lineNumber(i), batch.rowNumber(i));
    }

    private InputException tooMany(String source, long line, long row) {
        return InputException.atLine(source, line, row, null,
                "more than " + maxGroups + " groups of --group-by " + String.join(", ", columns)
                        + " (--max-groups " + maxGroups + "); group by fewer or coarser columns, or raise --max-groups"
                        + " (each group keeps its own states: see --help)");
    }

    /**
     * The id of the group with these values (one per column), numbering it when new, as a row with them would be
     * numbered: for groups that another part of the run found ({@link GroupRouter#combine}).
     *
     * @param from  the other part's keys, or null (decoded parts keep only their groups' values)
     * @param group the group's id in {@code from}
     * @throws InputException when a new group would exceed the cap: at the row where it first appeared in
     *                        {@code from} when that is known (a later range of a split file: the message one key
     *                        set reading both ranges would give), else without a file or row
     */
    int add(List<String> texts, GroupKeys from, int group) throws InputException {
        int prefix = valueId(0, texts.get(0));
        for (int c = 1; c < columns.size(); c++) {
            prefix = steps[c - 1].codeOf(((long) prefix << 32) | valueId(c, texts.get(c)));
        }
        int id = groupOf(prefix);
        if (id >= groupValues.size()) {
            boolean located = from != null && group < from.firstSource.size() && from.firstSource.get(group) != null;
            if (id >= maxGroups) {
                throw located ? tooMany(from.firstSource.get(group), from.firstLine[group], from.firstRow[group])
                        : tooMany(null, 0, 0);
            }
            int[] row = new int[columns.size()];
            for (int c = 0; c < row.length; c++) row[c] = ids.get(c).get(texts.get(c));
            groupValues.add(row);
            if (located) firstSeen(from.firstSource.get(group), from.firstLine[group], from.firstRow[group]);
            else firstSeen(null, 0, 0);
        }
        return id;
    }

    /** Groups numbered so far. */
    int size() { return groupValues.size(); }

    /** The values of group {@code group}, one per column. */
    List<String> values(int group) {
        int[] row = groupValues.get(group);
        List<String> texts = new ArrayList<>(row.length);
        for (int c = 0; c < row.length; c++) texts.add(values.get(c).get(row[c]));
        return texts;
    }

    List<String> columns() { return columns; }
}
