package org.losseval.app;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.Source;

/**
 * Reads a source on a second thread, a few batches ahead, so that parsing and computing overlap: on two
 * cores a run takes about as long as the slower of the two instead of their sum.
 *
 * <p>Batches arrive in the order the source produced them, so results are bit-identical to reading on
 * one thread. Each batch is copied out of the reader's reused arrays into one of a small ring of buffers;
 * a buffer is refilled only after the consumer has moved {@value #AHEAD} batches past it. An error on the
 * reading thread is thrown from {@link #next()} when the consumer reaches it, never earlier.
 */
final class PrefetchingSource implements Source {
    /** Batches read ahead. More buys nothing once the slower side is busy all the time. */
    static final int AHEAD = 2;

    /**
     * The smallest input of known size worth a reading thread: {@value #MIN_BYTES} bytes, about 2,000 rows of a few
     * numeric columns. Below it the whole file is parsed in about the time it takes to start the thread, and what
     * comes with it the first time (the queue's locks, and on JDK 17 the {@code ForkJoinPool} class that a blocked
     * {@code take} initialises) costs a three-row run more than any overlap gains: a three-row CSV read on the main
     * thread executed fewer instructions in all (src/bench/README.md, start-up, fifth round).
     */
    static final long MIN_BYTES = 64 << 10;
    /** System property overriding {@link #MIN_BYTES} (tests set 0 to read even a small file ahead). */
    static final String MIN_BYTES_PROPERTY = "losseval.prefetchMinBytes";

    /** Whether {@code source} is worth reading ahead: its size is unknown or at least {@link #MIN_BYTES}. */
    static boolean worthIt(Source source) {
        long size = source.bytesTotal();
        return size < 0 || size >= Long.getLong(MIN_BYTES_PROPERTY, MIN_BYTES);
    }

    private final Source source;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    /** Free buffers for copies: the ring has AHEAD queued, one being consumed, one being filled. */
    private final BlockingQueue<ColumnBatch> free = new ArrayBlockingQueue<>(AHEAD + 2);
    private final Thread reader;
    private ColumnBatch current;
    private volatile boolean closed;

    private static final Object END = new Object();

    PrefetchingSource(Source source) {
        this.source = source;
        // A Runnable class, not this::readAhead: a method reference is linked at every start (issue 14 item 4).
        this.reader = new Thread(new Runnable() {
            @Override
            public void run() {
                readAhead();
            }
        }, "losseval-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead() {
        try {
            ColumnBatch batch;
            while (!closed && (batch = source.next()) != null) {
                ColumnBatch reuse = free.poll();
                queue.put(batch.copy(reuse));
            }
            queue.put(END);
        } catch (InputException | RuntimeException | Error e) {
            offerQuietly(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void offerQuietly(Throwable failure) {
        try {
            queue.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public String name() { return source.name(); }

    @Override public String format() { return source.format(); }

    @Override
    public java.util.List<String> groupColumns(String groupSpec) { return source.groupColumns(groupSpec); }

    @Override
    public ColumnBatch next() throws InputException {
        if (current != null) {
            free.offer(current);
            current = null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + source.name(), e);
        }
        if (item == END) {
            queue.offer(END); // later calls see the end again
            return null;
        }
        if (item instanceof InputException e) throw e;
        if (item instanceof RuntimeException e) throw e;
        if (item instanceof Error e) throw e;
        current = (ColumnBatch) item;
        return current;
    }

    /** Rows read so far by the reading thread (it may be ahead of the consumer). */
    @Override public long rowsRead() { return source.rowsRead(); }

    @Override public long bytesRead() { return source.bytesRead(); }

    @Override public long bytesTotal() { return source.bytesTotal(); }

    @Override
    public void close() throws InputException {
        closed = true;
        stop(reader);
        source.close();
    }

    /**
     * Stops a reading thread and waits for it, so nothing reads a source after it is closed; an interrupt of the
     * caller while it waits is kept for the caller. The one home of this step for the read-ahead threads
     * ({@link ReadAheadStream} too).
     */
    static void stop(Thread reader) {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
