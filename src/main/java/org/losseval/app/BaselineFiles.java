package org.losseval.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;

/**
 * The baseline's files (--baseline FILE...) read as one stream of batches, concatenated in the order given,
 * each file opened when the previous one ends. Group specs (a range, a glob, a Parquet list) are resolved in
 * the first file; every later file must resolve them to the same columns, since the paired batches have one
 * set of baseline columns. Not thread-safe.
 */
final class BaselineFiles implements AutoCloseable {
    /** Opens one input, as the run opens its own (reading ahead with --threads 2 or more). */
    interface Opener {
        Source open(String name, SourceOptions options) throws InputException;
    }

    private final List<String> names;
    private final Opener opener;
    private final SourceOptions options;
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private Source source;
    private int file = -1;
    private long rows;

    /** Opens the first file (so that its columns and groups are checked before the candidate is read). */
    BaselineFiles(List<String> names, Opener opener, SourceOptions options) throws InputException {
        this.names = List.copyOf(names);
        this.opener = opener;
        this.options = options;
        openNext();
    }

    /** The batch columns of a group spec, as the first file resolved it. */
    List<String> groupColumns(String spec) {
        List<String> columns = groups.get(spec);
        if (columns == null) throw new IllegalArgumentException("the baseline was opened without group '" + spec + "'");
        return columns;
    }

    /** The next batch of the concatenation, or null after the last file. Valid until the next call. */
    ColumnBatch next() throws InputException {
        while (source != null) {
            ColumnBatch batch = source.next();
            if (batch != null) {
                rows += batch.size();
                return batch;
            }
            closeSource();
            openNext();
        }
        return null;
    }

    /** The index of the file the last batch came from. */
    int file() { return file; }

    List<String> names() { return names; }

    /** Rows delivered so far, over every file. */
    long rows() { return rows; }

    /** The files as a message names them: {@code old.csv}, or {@code old1.csv, old2.csv}. */
    String describe() { return String.join(", ", names); }

    private void openNext() throws InputException {
        if (file + 1 >= names.size()) {
            file = names.size();
            return;
        }
        file++;
        source = opener.open(names.get(file), options);
        for (String spec : options.groups()) {
            List<String> columns = source.groupColumns(spec);
            List<String> first = groups.putIfAbsent(spec, columns);
            if (first != null && !first.equals(columns)) {
                String name = source.name();
                closeSource();
                throw new InputException(name, 0, null, "'" + spec + "' gives " + columns.size() + " columns ("
                        + String.join(", ", abbreviated(columns)) + ") but " + first.size() + " in " + names.get(0)
                        + " (" + String.join(", ", abbreviated(first)) + "): the baseline's files must have the same columns");
            }
        }
    }

    private static List<String> abbreviated(List<String> columns) {
        if (columns.size() <= 4) return columns;
        List<String> shown = new ArrayList<>(columns.subList(0, 3));
        shown.add("...");
        return shown;
    }

    private void closeSource() throws InputException {
        Source closing = source;
        source = null;
        if (closing != null) closing.close();
    }

    @Override
    public void close() throws InputException {
        closeSource();
    }
}
