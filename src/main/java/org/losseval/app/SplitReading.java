package org.losseval.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.losseval.io.CsvRanges;
import org.losseval.io.InputException;
import org.losseval.io.ParquetRanges;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;

/**
 * Reads one file on several threads: a plain CSV file cut into byte ranges that start at batch boundaries
 * ({@link CsvRanges}), a Parquet file into ranges of whole row groups ({@link ParquetRanges}); each range read on
 * a thread of its own into states of its own (through the same {@link CheckedInput} and {@link SourceFeed} as a
 * file read whole), and the states combined in file order. The states' combination is exact and the ranges'
 * batches are the whole file's batches, so the report is the same bits as one thread's, and so is the error:
 * see {@link #read}.
 *
 * <p>Threads: {@code threads} at most, started here and stopped before {@link #read} returns. The first range
 * feeds the run's own states (nothing else touches them until the threads are joined); each later range feeds
 * new ones, combined into the run's after the join. Memory: each range has its own batch arrays (8192 rows
 * of each column read), read buffer (CSV: 1 MiB; Parquet: the column chunks of one row group) and states; a
 * state with a budget (exact medians, groups) may use its budget in every range, but the contribution
 * figures' row store leaves its budget once the ranges together are beyond it ({@link #contributionRows}).
 */
final class SplitReading {
    private final RunPlan plan;
    private final int source;
    private final KernelChooser kernels;
    private final ReadProgress progress;
    private final long rowsBefore;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /**
     * The rows every range's contribution state has taken so far, with the run's rows before this input: a
     * lower bound of the rows they will be combined into, which each range tells its states after each batch
     * ({@link RunStates#expectRows}), so that they leave the exact row store as soon as the ranges together
     * are beyond its budget rather than each filling a budget of its own and folding it at the end.
     */
    private final AtomicLong contributionRows = new AtomicLong();
    /** The first range that failed so far (ranges after it stop early), or Integer.MAX_VALUE. */
    private final AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);

    private SplitReading(RunPlan plan, int source, KernelChooser kernels, ReadProgress progress, long rowsBefore) {
        this.plan = plan;
        this.source = source;
        this.kernels = kernels;
        this.progress = progress;
        this.rowsBefore = rowsBefore;
    }

    /**
     * Reads input {@code source} split into ranges for {@code threads} threads into the run's states, or
     * answers null, having read nothing, when the file is not split ({@link CsvRanges#plan},
     * {@link ParquetRanges#plan}); the caller then reads it whole. When no cut of a CSV file survives (a quote or
     * lone carriage return in the first range), the first range is the whole file, read on one thread.
     *
     * <p>Errors: a range that fails stops the ranges after it; the ranges before it run to their end. The error
     * thrown is the first in file order: the ranges' states are combined in order, and the first failed range's
     * error is thrown once every range before it has been combined without one (its groups are combined first:
     * groups beyond the cap that the ranges together reach before its error are that error, as on one thread).
     *
     * @param run    the run's states, fed by the first range
     * @param groups the run's groups (null without --group-by), fed by the first range
     * @return the input's feed, holding every range's rows; or null when the file is not split
     */
    static SourceFeed read(RunPlan plan, int source, RunStates run, GroupRouter groups, KernelChooser kernels,
                           int threads, int batchSize, ReadProgress progress, long rowsBefore) throws InputException {
        String name = plan.request.inputs().get(source);
        SourceOptions options = CheckedInput.options(plan, batchSize);
        CsvRanges csv = CsvRanges.plan(name, options, threads);
        ParquetRanges parquet = csv == null ? ParquetRanges.plan(name, options, threads) : null;
        if (csv == null && parquet == null) return null;
        SourceFeed feed = new SourceFeed(plan, new InputStates(plan, name, csv != null ? "csv" : "parquet"), run, groups);
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "losseval-range");
            thread.setDaemon(true);
            return thread;
        });
        SplitReading reading = new SplitReading(plan, source, kernels, progress, rowsBefore);
        reading.contributionRows.set(run.contributionRows());
        try {
            if (csv != null) {
                try (csv) {
                    return reading.read(csv, pool, feed);
                }
            }
            try (parquet) {
                return reading.read(parquet, pool, feed);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A range's feed, and what it threw (null when it read its range to the end). */
    private record Outcome(SourceFeed feed, Throwable failure) {}

    /** Opens range {@code r} of a split file. */
    @FunctionalInterface
    private interface RangeOpener {
        Source open(int r) throws InputException;
    }

    /** A Parquet file: its ranges are known from the footer, so every range starts at once. */
    private SourceFeed read(ParquetRanges ranges, ExecutorService pool, SourceFeed feed) throws InputException {
        List<Future<Outcome>> tasks = new ArrayList<>();
        for (int r = 0; r < ranges.ranges(); r++) {
            int range = r;
            SourceFeed own = r == 0 ? feed : feed.emptyCopy(source);
            tasks.add(pool.submit(() -> readRange(ranges::open, range, own, -1)));
        }
        return combineInOrder(tasks, pool, feed);
    }

    private SourceFeed read(CsvRanges ranges, ExecutorService pool, SourceFeed feed) throws InputException {
        // The first range needs no count: it is read at once, while the other threads count the candidates.
        List<Future<Outcome>> tasks = new ArrayList<>();
        tasks.add(pool.submit(() -> readRange(ranges::open, 0, feed, ranges.size())));
        List<Future<Void>> counts = new ArrayList<>();
        for (int k = 0; k < ranges.candidates() - 1; k++) {
            int candidate = k;
            counts.add(pool.submit(() -> {
                ranges.count(candidate);
                return null;
            }));
        }
        Throwable countFailure = null;
        for (Future<Void> count : counts) {
            Throwable failure = outcome(count).failure();
            if (countFailure == null) countFailure = failure;
        }
        int n = 1;
        if (countFailure == null) {
            try {
                n = ranges.settle(); // from here the first range knows its end: the whole file when n is 1
            } catch (InputException e) {
                countFailure = e;
            }
        }
        if (countFailure != null) {
            firstFailure.set(0); // stops the first range; nothing read is used
            ranges.close();
            outcome(tasks.get(0));
            throw rethrow(countFailure);
        }
        for (int r = 1; r < n; r++) {
            int range = r;
            SourceFeed own = feed.emptyCopy(source);
            tasks.add(pool.submit(() -> readRange(ranges::open, range, own, ranges.size())));
        }
        return combineInOrder(tasks, pool, feed);
    }

    /**
     * Joins every range's task, then combines the later ranges' states into {@code feed} in file order, or throws
     * the first range's error in file order (see {@link #read}).
     */
    private SourceFeed combineInOrder(List<Future<Outcome>> tasks, ExecutorService pool, SourceFeed feed)
            throws InputException {
        // Every range is joined before anything is combined or thrown, so no thread still feeds a state after.
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> task : tasks) outcomes.add(outcome(task));
        prepareCombine(outcomes, pool);
        for (int r = 0; r < outcomes.size(); r++) {
            Outcome outcome = outcomes.get(r);
            if (outcome.failure() == null) {
                if (r > 0) feed.combine(outcome.feed());
                continue;
            }
            if (r > 0 && feed.groups != null && outcome.feed() != null) feed.groups.combine(outcome.feed().groups);
            throw rethrow(outcome.failure());
        }
        return feed;
    }

    /**
     * When every range has been read: each range's states learn the rows they will be combined into, on the
     * pool's threads, so that a contribution state beyond its budget folds its own rows into its summary in
     * parallel with the others rather than every row on one thread in the combine ({@link RunStates#expectRows};
     * the figures do not change). Measured on the 10^7-row CSV with five losses: see src/bench/README.md.
     */
    private static void prepareCombine(List<Outcome> outcomes, ExecutorService pool) throws InputException {
        long total = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.failure() != null) return; // the error is what the run reports; nothing to prepare
            total += outcome.feed().run.contributionRows();
        }
        long rows = total;
        List<Future<Void>> folds = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            folds.add(pool.submit(() -> {
                outcome.feed().run.expectRows(rows);
                return null;
            }));
        }
        for (Future<Void> fold : folds) {
            Throwable failure = outcome(fold).failure();
            if (failure != null) throw rethrow(failure);
        }
    }

    /**
     * Reads range {@code range} into {@code feed}, telling the progress listener its rows and, for a file of
     * {@code size} bytes (-1 when its sources do not count bytes: Parquet), its bytes.
     */
    private Outcome readRange(RangeOpener ranges, int range, SourceFeed feed, long size) {
        try {
            Source opened = ranges.open(range);
            long lastBytes = 0;
            long taken = feed.run.contributionRows(); // counted in contributionRows already
            try (CheckedInput input = new CheckedInput(plan, opened, null, feed.input.tally(), kernels)) {
                CheckedInput.Batch checked;
                while (firstFailure.get() > range && (checked = input.next(null)) != null) {
                    long read = opened.bytesRead();
                    if (read >= 0) bytes.addAndGet(read - lastBytes);
                    lastBytes = read;
                    tell(checked.rows().size(), size);
                    feed.accept(source, checked);
                    long now = feed.run.contributionRows();
                    if (now != taken) {
                        feed.run.expectRows(contributionRows.addAndGet(now - taken));
                        taken = now;
                    }
                }
            }
            return new Outcome(feed, null);
        } catch (InputException | RuntimeException | Error e) {
            firstFailure.accumulateAndGet(range, Math::min);
            return new Outcome(feed, e);
        }
    }

    /** Tells the progress listener (one thread at a time) the rows and bytes of every range so far. */
    private void tell(int batchRows, long size) {
        long total = rows.addAndGet(batchRows);
        synchronized (progress) {
            progress.advanced(plan.request.inputs().get(source), rowsBefore + total, size < 0 ? -1 : bytes.get(), size);
        }
    }

    /** The task's outcome, or what it threw. */
    private static <T> Outcome outcome(Future<T> task) {
        try {
            Object value = task.get();
            return value instanceof Outcome outcome ? outcome : new Outcome(null, null);
        } catch (ExecutionException e) {
            return new Outcome(null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, new IllegalStateException("interrupted while reading", e));
        }
    }

    private static InputException rethrow(Throwable failure) {
        if (failure instanceof InputException e) return e;
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        throw new IllegalStateException(failure);
    }
}
