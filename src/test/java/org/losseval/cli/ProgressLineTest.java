package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The progress line's text, its timing (shown after a second, redrawn at most every 250 ms) and its blanking,
 * on a fake clock and a fake terminal. Expected figures are worked by hand in each comment.
 */
class ProgressLineTest {
    private static final long MS = 1_000_000L;

    private final StringWriter screen = new StringWriter();
    private long now;
    private final ProgressLine line = new ProgressLine(new PrintWriter(screen), () -> now);

    @Test
    void aFileOfKnownSizeShowsRowsRatePercentageAndTimeLeft() {
        // 100e6 of 200e6 bytes in 1.5 s: 66.67 MB/s, 50 %, 100e6 / 66.67e6 = 1.5 s left, shown as 2 s.
        assertEquals("losseval: 1,234,567 rows, 66.7 MB/s, 50%, 2 s left",
                ProgressLine.text(1_234_567, 100_000_000, 100_000_000, 200_000_000, 1.5));
        // 1 of 3 bytes: 33.33 % is shown as 33 (floored, so 100 % means read to the end).
        assertEquals("losseval: 5 rows, 0.001 MB/s, 33%, 2 s left", ProgressLine.text(5, 1000, 1000, 3000, 1));
    }

    @Test
    void standardInputHasNoPercentageAndParquetOnlyRows() {
        // 3e6 bytes in 2 s: 1.5 MB/s.
        assertEquals("losseval: 42 rows, 1.5 MB/s", ProgressLine.text(42, 3_000_000, 3_000_000, -1, 2));
        assertEquals("losseval: 10,000,000 rows", ProgressLine.text(10_000_000, -1, -1, -1, 3));
    }

    @Test
    void timeLeftIsRoundedUpToWholeSeconds() {
        assertEquals("0 s", ProgressLine.duration(0));
        assertEquals("1 s", ProgressLine.duration(0.01));
        assertEquals("59 s", ProgressLine.duration(59));
        assertEquals("1:00", ProgressLine.duration(59.5));
        assertEquals("2:05", ProgressLine.duration(125));
        assertEquals("1:02:05", ProgressLine.duration(3725));
    }

    @Test
    void nothingIsShownInTheFirstSecondAndClearingThenWritesNothing() {
        now = 999 * MS;
        line.advanced("a.csv", 100, 1_000, 10_000);
        line.clear();
        assertEquals("", screen.toString());
    }

    @Test
    void theLineIsRedrawnInPlaceAtMostEveryQuarterSecondAndBlankedAtTheEnd() {
        // 2e6 of 8e6 bytes at 2 s: 1 MB/s, 25 %, 6 s left.
        now = 2000 * MS;
        line.advanced("a.csv", 20_000, 2_000_000, 8_000_000);
        String first = "\rlosseval: 20,000 rows, 1 MB/s, 25%, 6 s left";
        assertEquals(first, screen.toString());
        // 249 ms later: not redrawn.
        now = 2249 * MS;
        line.advanced("a.csv", 30_000, 2_500_000, 8_000_000);
        assertEquals(first, screen.toString());
        // 250 ms after the first: 4e6 bytes at 2.25 s is 1.78 MB/s, 50 %, 4e6 / 1.78e6 = 2.25 s, shown as 3 s.
        // Longer than the first, so no padding; blanking covers the longer.
        now = 2250 * MS;
        line.advanced("a.csv", 40_000, 4_000_000, 8_000_000);
        String second = "\rlosseval: 40,000 rows, 1.78 MB/s, 50%, 3 s left";
        assertEquals(first + second, screen.toString());
        line.clear();
        assertEquals(first + second + "\r" + " ".repeat(second.length() - 1) + "\r", screen.toString());
    }

    @Test
    void aShorterLineIsPaddedOverTheLongerOneAndTheRateCountsEveryInput() {
        now = 1500 * MS;
        line.advanced("a.csv", 10, 1_500_000, 1_500_000);
        // 1.5e6 bytes in 1.5 s: 1 MB/s, 100 %, 0 s left.
        String first = "\rlosseval: 10 rows, 1 MB/s, 100%, 0 s left";
        // The second input, standard input: 1.5e6 + 1.5e6 bytes of the run in 3 s: 1 MB/s; no size, so no
        // percentage, and the line is padded to cover the first.
        now = 3000 * MS;
        line.advanced("-", 20, 1_500_000, -1);
        String second = "\rlosseval: 20 rows, 1 MB/s";
        String padding = " ".repeat(first.length() - second.length());
        assertEquals(first + second + padding, screen.toString());
        line.clear();
        assertEquals(first + second + padding + "\r" + " ".repeat(first.length() - 1) + "\r", screen.toString());
    }
}
