package org.losseval.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Caps how many characters the CSV parser may consume for one record, so that an unclosed quote cannot
 * make it buffer the rest of a large file.
 *
 * <p>Commons CSV 1.14 has no record-size limit (only {@code setMaxRows}), hence this reader under it. The
 * source calls {@link #recordDone()} after each record; when more than {@code limit} characters are read
 * without that call, reading fails with {@link RecordTooLongException}. The parser reads ahead by at most
 * one buffer, so callers pass their record bound plus {@link #READ_AHEAD}; the exact per-record length is
 * checked separately on each parsed record.
 */
final class RecordLengthGuard extends FilterReader {
    /** Above Commons CSV's read buffer (8192 chars), the most it reads past the end of a record. */
    static final int READ_AHEAD = 1 << 16;

    private final long limit;
    private long sinceRecord;

    RecordLengthGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The parser has delivered a whole record: start counting afresh. */
    void recordDone() {
        sinceRecord = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) count(1);
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws RecordTooLongException {
        sinceRecord += n;
        if (sinceRecord > limit) throw new RecordTooLongException();
    }

    /** Thrown from inside the parser; the source turns it into an {@link InputException} with the row. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("record too long");
        }
    }
}
