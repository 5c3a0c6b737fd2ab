package org.losseval.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.losseval.app.ReadProgress;
import org.losseval.text.Numbers;

/**
 * The progress line of a long run on a terminal's stderr: one line, rewritten in place with a carriage return,
 * saying rows read, MB/s and, for an input of known size, the percentage read and the time left:
 * {@code losseval: 4,194,304 rows, 212 MB/s, 41%, 3 s left}. Shown only once the run has lasted
 * {@value #DELAY_MILLIS} ms, redrawn at most every {@value #INTERVAL_MILLIS} ms, and blanked by {@link #clear}
 * so a successful run leaves the terminal as it found it. Whether a terminal is there at all is the entry
 * point's business ({@link CliContext#progress()}).
 *
 * <p>Plain ASCII, no escape sequences and no colour (so {@code NO_COLOR} is honoured as it stands): the line is
 * blanked by writing spaces over it, which any terminal that understands a carriage return shows right. The
 * line stays under 60 columns, so it does not wrap on an 80-column terminal (a wrapped line cannot be redrawn
 * with a carriage return).
 *
 * <p>Formulas: MB/s = bytes read in the run / seconds since the run started / 10⁶ (decimal megabytes, of the
 * file's bytes: compressed ones for a {@code .gz} file); percentage = ⌊100 · position / size⌋ of the input
 * being read; time left = (size − position) / that rate. Without a byte position (Parquet) the line says rows
 * only; without a size (standard input) no percentage or time left. Called from the reading thread only.
 */
final class ProgressLine implements ReadProgress {
    static final long DELAY_MILLIS = 1000;
    static final long INTERVAL_MILLIS = 250;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final PrintWriter terminal;
    private final LongSupplier nanoClock;
    private final long start;
    /** When the line was last drawn (nanos), meaningful once {@link #width} is positive. */
    private long drawn;
    /** Characters of the line on screen, 0 when none. */
    private int width;
    /** The input being read, and the bytes of the inputs read before it. */
    private String input;
    private long bytesBefore;
    private long lastBytes;

    /**
     * @param terminal  the terminal's stderr
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}); the run starts now
     */
    ProgressLine(PrintWriter terminal, LongSupplier nanoClock) {
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void advanced(String name, long rows, long bytesRead, long bytesTotal) {
        if (!name.equals(input)) {
            if (input != null && lastBytes > 0) bytesBefore += lastBytes;
            input = name;
        }
        lastBytes = bytesRead;
        long now = nanoClock.getAsLong();
        if (now - start < DELAY_MILLIS * NANOS_PER_MILLI) return;
        if (width > 0 && now - drawn < INTERVAL_MILLIS * NANOS_PER_MILLI) return;
        String line = text(rows, bytesRead < 0 ? -1 : bytesBefore + bytesRead, bytesRead, bytesTotal,
                (now - start) / 1e9);
        // Spaces over what a longer previous line left.
        terminal.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        terminal.flush();
        width = Math.max(width, line.length());
        drawn = now;
    }

    /** Blanks the line if one is shown, leaving the cursor where the line began. */
    void clear() {
        if (width == 0) return;
        terminal.print("\r" + " ".repeat(width) + "\r");
        terminal.flush();
        width = 0;
    }

    /**
     * The line's text.
     *
     * @param rows        rows read in the run
     * @param runBytes    bytes read in the run, or -1 when not known
     * @param position    bytes read of the current input, or -1
     * @param size        the current input's size, or -1
     * @param seconds     since the run started, positive
     */
    static String text(long rows, long runBytes, long position, long size, double seconds) {
        StringBuilder line = new StringBuilder("losseval: ").append(String.format(Locale.ROOT, "%,d", rows)).append(" rows");
        if (runBytes < 0) return line.toString();
        double bytesPerSecond = runBytes / seconds;
        line.append(", ").append(Numbers.human(bytesPerSecond / 1e6, 3)).append(" MB/s");
        if (size <= 0 || position < 0) return line.toString();
        long done = Math.min(position, size);
        line.append(", ").append(100 * done / size).append('%');
        if (bytesPerSecond > 0) line.append(", ").append(duration((size - done) / bytesPerSecond)).append(" left");
        return line.toString();
    }

    /** Whole seconds, rounded up so "0 s left" is never shown before the end: "7 s", "2:05", "1:02:05". */
    static String duration(double seconds) {
        long s = (long) Math.ceil(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
