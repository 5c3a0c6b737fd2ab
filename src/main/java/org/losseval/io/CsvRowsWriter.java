package org.losseval.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.losseval.text.Numbers;

/**
 * The CSV and TSV form of a {@code --rows-out} file, optionally gzip-compressed: UTF-8, a header row, one
 * record per row ending in {@code \n}, quoted only where a value holds the delimiter, a quote or a line
 * break (RFC 4180, Commons CSV's minimal quoting; so a file name with a comma survives). Numbers are
 * {@link Numbers#exact}, the shortest decimal that reads back as the same double; an empty cell is an empty
 * field. The file reads back with the settings losseval reads its own input with.
 */
final class CsvRowsWriter implements RowsWriter {
    private final CSVPrinter printer;
    private final Writer writer;
    private final Object[] fields;

    CsvRowsWriter(RowsFormat format, RowsLayout layout, OutputStream out) throws IOException {
        OutputStream bytes = format.gzip() ? new FastGzip(out) : out;
        writer = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16);
        printer = CSVFormat.DEFAULT.builder().setDelimiter(format.delimiter()).setRecordSeparator('\n').get().print(writer);
        printer.printRecord(layout.header());
        fields = new Object[layout.header().size()];
    }

    @Override
    public void write(RowRecord row) throws IOException {
        int f = 0;
        fields[f++] = row.input;
        fields[f++] = Long.toString(row.row);
        for (String text : row.texts) fields[f++] = text;
        fields[f++] = number(row.residual);
        for (double loss : row.losses) fields[f++] = number(loss);
        for (double loss : row.baselineLosses) fields[f++] = number(loss);
        for (double delta : row.deltas) fields[f++] = number(delta);
        fields[f++] = row.outlier == RowRecord.UNKNOWN ? "" : row.outlier == 1 ? "true" : "false";
        fields[f] = row.skipped == null ? "" : row.skipped;
        printer.printRecord(fields);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Numbers.exact(value);
    }

    /**
     * gzip at level 1 (BEST_SPEED) rather than the default 6: on rows of shortest-round-trip numbers level 6
     * spent as long compressing as everything else (10^6 rows of pred,target, --no-contrib: 12.2 s of CPU
     * against 8.0 s uncompressed, 24.6 MB against 78 MB).
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    @Override
    public void finish() throws IOException {
        // Closing the printer flushes the buffers, writes gzip's trailer and closes the stream.
        printer.close(true);
    }
}
