package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ParquetReaderFuzzTest found, run as a user would, in a child JVM whose heap is small enough to
 * reproduce it (the suite's own heap may be big enough to satisfy the request). The fuzz test also runs the
 * file in regression mode, on the suite's heap.
 */
class ParquetFuzzFindingsTest {
    /** A mutated codec fixture whose page holds an RLE run header asking for more values than 128 MiB holds. */
    private static final String HUGE_RLE_RUN = "/org/losseval/io/ParquetReaderFuzzTestInputs/onlyInputErrors/"
            + "crash-697bb23b14efb42fac9615c66c5afe66dd4ed916";

    @TempDir
    Path dir;

    @Test
    void aPageWhoseRunAsksForMoreThanTheHeapIsAnInputError() throws Exception {
        Path file = dir.resolve("corrupt.parquet");
        try (var in = ParquetFuzzFindingsTest.class.getResourceAsStream(HUGE_RLE_RUN)) {
            Files.copy(in, file);
        }
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "org.losseval.Main",
                "eval", file.toString(), "-p", "pred", "-t", "target");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("losseval did not finish");
        }
        // The file carries page checksums, so the corrupt page is now caught by its CRC before parquet-java
        // decodes it; ParquetSource.OUT_OF_MEMORY remains the answer for such a page in a file without them.
        assertEquals("losseval: " + file + ": row 1: column 'pred': corrupt page in row group 1: its checksum (CRC) "
                + "does not match its bytes\n", Files.readString(err, StandardCharsets.UTF_8));
        assertEquals(3, process.exitValue());
        assertEquals("", Files.readString(out, StandardCharsets.UTF_8));
    }
}
