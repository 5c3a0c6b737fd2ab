package org.losseval.app;

/**
 * Told how far the reading of the inputs has got, after every batch, by the thread that reads them (never from
 * the numeric code): for a progress display, which the caller renders. A listener must be cheap (a clock read
 * and a comparison, usually) and must not throw; the run's results do not depend on it.
 */
@FunctionalInterface
public interface ReadProgress {
    /** Tells nothing. (A class, not a lambda: a lambda is linked at every start, issue 14 item 4.) */
    ReadProgress NONE = new ReadProgress() {
        @Override
        public void advanced(String input, long rows, long bytesRead, long bytesTotal) {}
    };

    /**
     * @param input      the input being read, as the user gave it ("-" for standard input)
     * @param rows       rows read so far in the whole run (every input of the report's pass)
     * @param bytesRead  bytes of this input read so far, or -1 when not known (Parquet)
     * @param bytesTotal this input's size in bytes, or -1 when not known (standard input, Parquet)
     */
    void advanced(String input, long rows, long bytesRead, long bytesTotal);
}
