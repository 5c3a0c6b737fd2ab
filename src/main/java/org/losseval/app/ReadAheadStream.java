package org.losseval.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a thread of its own, a few blocks ahead: for a gzip input, so that decompression runs on one
 * core while the CSV reader parses (and the run computes) on the other. Measured on big10m.csv gzipped (2 cores,
 * {@code --no-contrib}, five losses): reading ahead parsed batches ({@link PrefetchingSource}) left 2.3 s of CPU
 * on the reading thread (inflate and parse) against 0.4 s on the computing one; splitting after the inflater
 * puts about half of that work on each side.
 *
 * <p>The bytes arrive in order, then the end or the {@link IOException} the stream threw, at the same byte
 * offset as on one thread (a block read only in part before the error is delivered first), so the reader above
 * fails at the same record with the same message. Blocks are recycled: at most {@value #AHEAD} + 2 exist.
 */
final class ReadAheadStream extends InputStream {
    static final int BLOCK_BYTES = 1 << 20;
    static final int AHEAD = 4;

    private record Block(byte[] bytes, int length) {}

    private static final Object END = new Object();

    private final InputStream in;
    private final BlockingQueue<Object> filled = new ArrayBlockingQueue<>(AHEAD + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD + 2);
    private final Thread reader;
    private volatile boolean closed;
    private Block current;
    private int position;
    /** The end or the error, once reached; returned again by later reads. */
    private Object last;

    ReadAheadStream(InputStream in) {
        this.in = in;
        // A Runnable class, not this::readAhead, as in PrefetchingSource: a method reference is linked at every start.
        this.reader = new Thread(new Runnable() {
            @Override
            public void run() {
                readAhead();
            }
        }, "losseval-gunzip");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead() {
        try {
            while (!closed) {
                byte[] block = free.poll();
                if (block == null) block = new byte[BLOCK_BYTES];
                int n = 0;
                try {
                    while (n < block.length) {
                        int read = in.read(block, n, block.length - n);
                        if (read < 0) break;
                        n += read;
                    }
                } catch (IOException | RuntimeException e) {
                    if (n > 0) filled.put(new Block(block, n));
                    filled.put(e);
                    return;
                }
                if (n > 0) filled.put(new Block(block, n));
                if (n < block.length) {
                    filled.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while waiting for room
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        while (current == null || position == current.length()) {
            if (current != null) {
                free.offer(current.bytes());
                current = null;
            }
            if (last != null) return end();
            Object next;
            try {
                next = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading ahead");
            }
            if (next instanceof Block block) {
                current = block;
                position = 0;
            } else {
                last = next;
            }
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    private int end() throws IOException {
        if (last instanceof IOException e) throw e;
        if (last instanceof RuntimeException e) throw e;
        return -1;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        PrefetchingSource.stop(reader);
        in.close();
    }
}
