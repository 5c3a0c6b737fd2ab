package org.losseval.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.losseval.batch.ColumnBatch;

/**
 * Fuzzing of the Parquet reader on mutated real Parquet files (the seeds in
 * {@code src/test/resources/org/losseval/io/ParquetReaderFuzzTestInputs/} are files written by parquet-java:
 * examples/houses.parquet and the gzip, snappy and zstd codec fixtures, all with columns {@code pred} and
 * {@code target}). Each
 * input is written to a temporary {@code .parquet} file and read to the end through {@link Sources#open}
 * as a run would. The only failure allowed is our own input error ({@link InputException}, exit 3): any
 * other exception or error (an {@link OutOfMemoryError} from a size read out of the file, a
 * {@link StackOverflowError}) is a finding, and so is a hang (the fuzz profile sets a per-input timeout
 * and a small heap, which bounds memory).
 */
class ParquetReaderFuzzTest {
    private static final SourceOptions OPTIONS = new SourceOptions(List.of("pred", "target"), null, 64,
            SourceOptions.DEFAULT_MAX_RECORD_CHARS);

    @FuzzTest(maxDuration = "5m")
    void onlyInputErrors(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".parquet");
        try {
            Files.write(file, bytes);
            try (Source source = Sources.open(file.toString(), InputStream.nullInputStream(), OPTIONS)) {
                long rows = 0;
                for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                    rows += batch.size();
                    if (source.rowsRead() != rows) {
                        throw new AssertionError("rows read " + source.rowsRead() + " after " + rows + " delivered");
                    }
                }
            } catch (InputException expected) {
                if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                    throw new AssertionError("an input error without a message", expected);
                }
            }
        } catch (UncheckedIOException e) {
            throw new AssertionError("an I/O error escaped as an unchecked exception", e);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
