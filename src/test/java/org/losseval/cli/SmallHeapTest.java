package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * Issue 11 item 4: on a small heap the exact budget is capped at a quarter of it, so 10^6 rows under -Xmx24m
 * fold into the bounded summary (brackets) and exit 0; before, the run ended in an OutOfMemoryError. The
 * real entry point runs in a child JVM with the test class path; the brackets must contain the exact values,
 * computed here independently.
 */
class SmallHeapTest {
    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionRowsOnTwentyFourMebibytesFoldIntoBrackets() throws Exception {
        Path csv = dir.resolve("million.csv");
        double[] residuals = new double[ROWS];
        BigDecimal squares = BigDecimal.ZERO;
        Random random = new Random(24);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("pred,target\n");
            for (int i = 0; i < ROWS; i++) {
                double target = random.nextInt(100_000) / 1000.0;
                double pred = target + (random.nextInt(6001) - 3000) / 1000.0;
                out.write(pred + "," + target + "\n");
                double r = pred - target;
                residuals[i] = r;
                squares = squares.add(new BigDecimal(r * r));
            }
        }
        Arrays.sort(residuals);
        double low = residuals[ROWS / 2 - 1];
        double high = residuals[ROWS / 2];

        Path out = dir.resolve("stdout.json");
        Path err = dir.resolve("stderr.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-cp", System.getProperty("java.class.path"), "org.losseval.Main",
                "eval", csv.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--format", "json");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("losseval did not finish");
        }
        assertEquals("", Files.readString(err, StandardCharsets.UTF_8));
        assertEquals(0, process.exitValue());

        Object report = TinyJson.parse(Files.readString(out, StandardCharsets.UTF_8));
        Object contributions = TinyJson.at(report, "contributions");
        assertEquals((double) ROWS, TinyJson.number(contributions, "rows"));
        assertEquals(Boolean.FALSE, TinyJson.at(contributions, "exact"));
        // The total is exact whatever the budget (one exact sum, rounded once).
        assertEquals(squares.doubleValue(), TinyJson.number(contributions, "losses", 0, "total"));
        // The median is a bracket, which contains the exact one (between the two middle residuals).
        Object range = TinyJson.at(contributions, "outliers", "median_range");
        assertTrue(range instanceof Map<?, ?>, "median_range: " + range);
        double bracketLow = TinyJson.number(range, "low");
        double bracketHigh = TinyJson.number(range, "high");
        assertTrue(bracketLow <= low && high <= bracketHigh,
                "[" + bracketLow + ", " + bracketHigh + "] must contain [" + low + ", " + high + "]");
        assertFalse(bracketLow == bracketHigh, "a bracket, not an exact value");
    }
}
