package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.batch.ColumnBatch;

/**
 * The {@code --rows-out} Parquet writer ({@link ParquetRowsWriter}, {@link ParquetColumnWriter}) against
 * parquet-java's reader and io's own: every cell of rows whose input name repeats (a dictionary) and then
 * changes on every row (more distinct strings than a dictionary holds: the chunk falls back to PLAIN pages),
 * nulls in every optional column, several pages and row groups.
 */
class ParquetRowsWriterTest {
    private static final int ROWS = 60_000;

    @TempDir
    Path dir;

    private static RowRecord row(RowsLayout layout, int r) {
        RowRecord row = new RowRecord(layout);
        row.input = r < 30_000 ? "in-" + r % 3 : "file-" + r;
        row.row = r + 1L;
        row.residual = r % 5 == 0 ? Double.NaN : r * 0.25 - 7;
        row.losses[0] = r % 7 == 0 ? Double.NaN : r * 1e-3;
        row.outlier = r % 3 == 0 ? RowRecord.UNKNOWN : r % 3 - 1;
        row.skipped = r % 11 == 0 ? (r % 2 == 0 ? "null value" : "invalid value") : null;
        return row;
    }

    private static String expected(RowRecord row) {
        return row.input + "|" + row.row + "|" + (Double.isNaN(row.residual) ? "" : row.residual) + "|"
                + (Double.isNaN(row.losses[0]) ? "" : row.losses[0]) + "|"
                + (row.outlier == RowRecord.UNKNOWN ? "" : row.outlier == 1) + "|" + (row.skipped == null ? "" : row.skipped);
    }

    @Test
    void parquetJavaAndOurReaderReadEveryCell() throws Exception {
        RowsLayout layout = RowsLayout.of(List.of(), List.of("mse"), false);
        Path file = dir.resolve("rows.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RowsWriter writer = new ParquetRowsWriter(layout, out, 1 << 20);
            for (int r = 0; r < ROWS; r++) writer.write(row(layout, r));
            writer.finish();
        }
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) expected.add(expected(row(layout, r)));

        assertEquals(expected, byParquetJava(file));
        assertEquals(expected, byOurReader(file));
        assertEquals(expected, byDuckDb(file));

        // The input column is dictionary-encoded in the first row group and falls back to PLAIN later.
        FileMetaData footer = ParquetTestFiles.footer(file);
        assertTrue(footer.getRow_groups().size() > 1, "several row groups");
        ColumnChunk firstInput = footer.getRow_groups().get(0).getColumns().get(0);
        assertTrue(firstInput.getMeta_data().isSetDictionary_page_offset());
        assertTrue(firstInput.getMeta_data().getEncodings().contains(Encoding.PLAIN_DICTIONARY));
        boolean fellBack = false;
        for (RowGroup group : footer.getRow_groups()) {
            List<Encoding> encodings = group.getColumns().get(0).getMeta_data().getEncodings();
            fellBack |= encodings.contains(Encoding.PLAIN_DICTIONARY) && encodings.contains(Encoding.PLAIN)
                    && group.getColumns().get(0).getMeta_data().getTotal_compressed_size() > 4096 * 10;
        }
        assertTrue(fellBack, "a row group with more distinct inputs than the dictionary holds");
    }

    private static List<String> byParquetJava(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetJavaCodecs()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group g = records.read();
                    rows.add(g.getBinary("input", 0).toStringUsingUTF8() + "|" + g.getLong("row", 0) + "|"
                            + (g.getFieldRepetitionCount("residual") == 0 ? "" : g.getDouble("residual", 0)) + "|"
                            + (g.getFieldRepetitionCount("mse") == 0 ? "" : g.getDouble("mse", 0)) + "|"
                            + (g.getFieldRepetitionCount("outlier") == 0 ? "" : g.getBoolean("outlier", 0)) + "|"
                            + (g.getFieldRepetitionCount("skipped") == 0 ? "" : g.getBinary("skipped", 0).toStringUsingUTF8()));
                }
            }
        }
        return rows;
    }

    private static List<String> byOurReader(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        SourceOptions options = new SourceOptions(List.of("row", "residual", "mse"), null, 4096,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS).withTexts(List.of("input", "outlier", "skipped"));
        try (InputStream none = InputStream.nullInputStream(); Source source = Sources.open(file.toString(), none, options)) {
            for (ColumnBatch b = source.next(); b != null; b = source.next()) {
                for (int i = 0; i < b.size(); i++) {
                    double residual = b.column("residual")[i];
                    double mse = b.column("mse")[i];
                    rows.add(b.textColumn("input").text(i) + "|" + (long) b.column("row")[i] + "|"
                            + (Double.isNaN(residual) ? "" : residual) + "|" + (Double.isNaN(mse) ? "" : mse) + "|"
                            + b.textColumn("outlier").text(i) + "|" + b.textColumn("skipped").text(i));
                }
            }
        }
        return rows;
    }

    /** DuckDB, an independent reader (its own C++ decoder), renders the cells as the other two. */
    private static List<String> byDuckDb(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT input, row, residual, mse, outlier, skipped FROM read_parquet('"
                     + file.toString().replace("'", "''") + "') ORDER BY row")) {
            while (rs.next()) {
                double residual = rs.getDouble(3);
                boolean residualNull = rs.wasNull();
                double mse = rs.getDouble(4);
                boolean mseNull = rs.wasNull();
                boolean outlier = rs.getBoolean(5);
                boolean outlierNull = rs.wasNull();
                String skipped = rs.getString(6);
                rows.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + (residualNull ? "" : residual) + "|"
                        + (mseNull ? "" : mse) + "|" + (outlierNull ? "" : outlier) + "|" + (skipped == null ? "" : skipped));
            }
        }
        return rows;
    }
}
