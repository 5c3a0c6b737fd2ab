package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;

/**
 * Reads files whose pages were compressed by parquet-java's own codecs (Hadoop's codec classes, which
 * losseval does not ship), to show that {@link ParquetDecompressors} reads what the reference writer
 * writes and not only what our test compressor writes. The files and their content are described in
 * {@code src/test/resources/org/losseval/io/GenerateCodecFixtures.java}, which wrote them.
 */
class ParquetCodecFixturesTest {
    private static final double EXACT = 0.0;
    private static final int ROWS = 200;

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "gzip", "zstd"})
    void readsPagesCompressedByParquetJavaCodecs(String codec) throws Exception {
        Path file = fixture("codec-" + codec + ".parquet");
        assertEquals(codec.toUpperCase(), codecOf(file), "the fixture must use the codec it is named after");

        int rows = 0;
        int nulls = 0;
        try (Source source = Sources.open(file.toString(), InputStream.nullInputStream(),
                new SourceOptions(List.of("pred", "target"), null, 50, SourceOptions.DEFAULT_MAX_RECORD_CHARS))) {
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                for (int i = 0; i < batch.size(); i++) {
                    long row = batch.rowNumber(i);
                    assertEquals(row * 3.0, batch.column("target")[i], EXACT);
                    CellIssue issue = batch.issueAt(i, "pred");
                    if (row % 10 == 0) {
                        assertEquals(CellIssue.Problem.NULL, issue.problem());
                        nulls++;
                    } else {
                        assertEquals(row / 4.0, batch.column("pred")[i], EXACT);
                    }
                }
                rows += batch.size();
            }
        }
        assertEquals(ROWS, rows);
        assertEquals(ROWS / 10, nulls);
    }

    private Path fixture(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            assertTrue(in != null, "missing test resource " + name);
            Files.copy(in, copy);
        }
        return copy;
    }

    private static String codecOf(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetJavaCodecs()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            BlockMetaData first = reader.getRowGroups().get(0);
            assertTrue(reader.getRowGroups().size() > 1, "fixture should span several row groups");
            ColumnChunkMetaData chunk = first.getColumns().get(0);
            return chunk.getCodec().name();
        }
    }
}
