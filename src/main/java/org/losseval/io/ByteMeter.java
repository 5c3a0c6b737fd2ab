package org.losseval.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from the stream it wraps, below any buffering and decompression, so the count is the
 * position in the file (for a {@code .gz} file: in its compressed bytes). The progress display reads it.
 *
 * <p>One thread reads the stream (the reader's, or a prefetching thread); another may read the count, hence
 * volatile (one writer, so the increments need no lock). A skip counts the bytes it moved over; mark and reset
 * are refused, since a reset would move back where a count cannot follow (the buffer above does its own).
 */
final class ByteMeter extends FilterInputStream {
    private volatile long count;

    ByteMeter(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    long count() { return count; }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) count++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) count += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) count += skipped;
        return skipped;
    }

    /** See the class comment. */
    @Override
    public boolean markSupported() { return false; }
}
