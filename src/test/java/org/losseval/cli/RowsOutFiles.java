package org.losseval.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a {@code --rows-out} file back into typed cells with independent readers: Commons CSV for the text
 * forms (through {@link GZIPInputStream} for {@code .gz}), and for Parquet both parquet-java (its example
 * Group records) and DuckDB's JDBC driver (its own C++ reader). Cells are typed by column: {@code input} and
 * {@code skipped} strings, {@code row} a Long, {@code outlier} a Boolean, every other column a Double; an
 * empty cell (a Parquet null) is null.
 */
final class RowsOutFiles {
    private RowsOutFiles() {}

    /** A file's header and rows. */
    record Table(List<String> header, List<Object[]> rows) {
        int column(String name) {
            int c = header.indexOf(name);
            if (c < 0) throw new AssertionError("no column '" + name + "' in " + header);
            return c;
        }

        /** The cells of one column, top to bottom. */
        List<Object> values(String name) {
            int c = column(name);
            List<Object> values = new ArrayList<>();
            for (Object[] row : rows) values.add(row[c]);
            return values;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(header.toString());
            for (Object[] row : rows) sb.append('\n').append(Arrays.toString(row));
            return sb.toString();
        }
    }

    /** A CSV or TSV file, gzip-compressed when its name ends in .gz. */
    static Table text(Path file, char delimiter) throws IOException {
        return text(file, delimiter, java.util.Set.of());
    }

    /** As {@link #text(Path, char)}, the named key and group columns read as strings. */
    static Table text(Path file, char delimiter, java.util.Set<String> texts) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) in = new GZIPInputStream(in);
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> header = records.get(0).toList();
            List<Object[]> rows = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                if (record.size() != header.size()) throw new AssertionError("ragged record " + record);
                Object[] row = new Object[header.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = texts.contains(header.get(c)) ? record.get(c) : typed(header.get(c), record.get(c));
                }
                rows.add(row);
            }
            return new Table(header, rows);
        }
    }

    /** A cell's text as the type of its column; empty is null. */
    static Object typed(String column, String text) {
        if (text.isEmpty()) return null;
        return switch (column) {
            case "input", "skipped" -> text;
            case "row" -> Long.parseLong(text);
            case "outlier" -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new AssertionError("not a flag: " + text);
            };
            default -> Double.parseDouble(text);
        };
    }

    /** A Parquet file read by parquet-java. */
    static Table parquetJava(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> header = new ArrayList<>();
            for (Type field : schema.getFields()) header.add(field.getName());
            List<Object[]> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group group = records.read();
                    Object[] row = new Object[header.size()];
                    for (int c = 0; c < row.length; c++) {
                        if (group.getFieldRepetitionCount(c) == 0) continue;
                        PrimitiveType.PrimitiveTypeName type = schema.getType(c).asPrimitiveType().getPrimitiveTypeName();
                        row[c] = switch (type) {
                            case BINARY -> group.getString(c, 0);
                            case INT64 -> group.getLong(c, 0);
                            case DOUBLE -> group.getDouble(c, 0);
                            case BOOLEAN -> group.getBoolean(c, 0);
                            default -> throw new AssertionError("unexpected type " + type);
                        };
                    }
                    rows.add(row);
                }
            }
            return new Table(header, rows);
        }
    }

    /** A Parquet file read by DuckDB, with the SQL type DuckDB gives each column. */
    static Table duckDb(Path file, List<String> types) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM read_parquet('"
                     + file.toString().replace("'", "''") + "')")) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> header = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                header.add(meta.getColumnName(c));
                types.add(meta.getColumnTypeName(c));
            }
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                Object[] row = new Object[header.size()];
                for (int c = 0; c < row.length; c++) row[c] = result.getObject(c + 1);
                rows.add(row);
            }
            return new Table(header, rows);
        }
    }
}
