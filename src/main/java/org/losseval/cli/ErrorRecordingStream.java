package org.losseval.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that remembers the first write error of the stream it wraps. A {@link java.io.PrintWriter}
 * swallows every {@link IOException} and keeps only a flag, so without this a full disk ({@code > /dev/full})
 * would look like success; with it the caller can tell a closed pipe (a quiet exit 0) from a real failure.
 * Errors still propagate, so the writer above stops as it would have.
 */
final class ErrorRecordingStream extends FilterOutputStream implements java.util.function.Supplier<IOException> {
    private IOException firstError;

    ErrorRecordingStream(OutputStream out) { super(out); }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // FilterOutputStream would write byte by byte.
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw record(e);
        }
    }

    /**
     * The first write, flush or close error, or null when there was none; also the run's check of stdout (a method,
     * not a method reference: no link at start).
     */
    @Override
    public IOException get() { return firstError; }

    private IOException record(IOException e) {
        if (firstError == null) firstError = e;
        return e;
    }
}
