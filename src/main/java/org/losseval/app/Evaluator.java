package org.losseval.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.losseval.io.InputException;
import org.losseval.io.RowsWriter;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.io.Sources;
import org.losseval.report.Report;

/**
 * Runs one evaluation, in the order of DESIGN.md's flow: the request is checked ({@link RunPlan}); every
 * input is read once, batch by batch, its roles bound to columns ({@link ColumnBinding}), its rows
 * validated ({@link RowValidator}) and fed to the states, each input's own ({@link InputStates}) and the
 * run's ({@link RunStates}); then the report is built ({@link RunEnd}, the end {@link PartialRun} shares), with
 * {@code --rows-out} the inputs are read a second time to write every row ({@link RowsOutPass}), and the report's
 * gates are judged.
 *
 * <p>This class owns every thread of a run: states are single-threaded. With {@code --threads} N of 2 or
 * more, a plain CSV file is cut into byte ranges and a Parquet file into ranges of row groups, read on N threads,
 * each into states of its own, combined in file order ({@link SplitReading}); any other input (standard input,
 * {@code .gz}, a file paired with {@code --baseline} files, a CSV file whose quotes leave no safe cut, a Parquet
 * file of one row group, a file too small to be worth it) is read on one thread while a second reads ahead
 * ({@link PrefetchingSource}), unless it is smaller still ({@link PrefetchingSource#MIN_BYTES}). The states combine exactly and the ranges' batches are the whole file's,
 * so results and errors are the same bits whatever the thread count. Not thread-safe; one evaluation at a time.
 */
public final class Evaluator implements Evaluation {
    private final InputStream stdin;
    private final KernelChooser kernels = new KernelChooser();
    private final String toolVersion;
    /** Whether some usable row had a positive sample weight (with --weight): all zero is a data error. */
    private boolean positiveWeight;
    /** With --rows-out and stdin among the inputs: stdin's copy, read by both passes; else null. */
    private Path stdinSpool;
    /** What the last run's pairing with a baseline in other files counted, or null without --baseline. */
    private PairingCounts pairingCounts;

    /** Rows per batch read; results do not depend on it (tests vary it to show that). */
    private final int batchSize;
    /** Told after every batch of the report's pass; {@link ReadProgress#NONE} when nobody listens. */
    private final ReadProgress progress;
    /** Rows read from the inputs before the one being read, for {@link #progress}'s run-wide count. */
    private long rowsBefore;

    public Evaluator(InputStream stdin, String toolVersion) {
        this(stdin, toolVersion, ReadProgress.NONE);
    }

    /**
     * Overrides the rows per batch ({@link SourceOptions#DEFAULT_BATCH_SIZE}) of the evaluators the command
     * line makes: for tests that split small files into many ranges, which start at batch boundaries
     * ({@link SplitReading}). The figures do not depend on it.
     */
    static final String BATCH_SIZE_PROPERTY = "losseval.batchSize";

    /** An evaluator that tells {@code progress} how far reading has got (from the reading threads, one at a time). */
    public Evaluator(InputStream stdin, String toolVersion, ReadProgress progress) {
        this(stdin, toolVersion, Math.max(1, Integer.getInteger(BATCH_SIZE_PROPERTY, SourceOptions.DEFAULT_BATCH_SIZE)),
                progress);
    }

    /** An evaluator reading batches of {@code batchSize} rows (for tests: the figures are the same bits). */
    public Evaluator(InputStream stdin, String toolVersion, int batchSize) {
        this(stdin, toolVersion, batchSize, ReadProgress.NONE);
    }

    private Evaluator(InputStream stdin, String toolVersion, int batchSize, ReadProgress progress) {
        this.stdin = stdin;
        this.toolVersion = toolVersion;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /**
     * @throws InvalidRequestException before any data is read (see {@link RunPlan}): a loss without its
     *                                 inputs, an interval without a nominal coverage, a gate on a figure
     *                                 the run does not produce
     * @throws DataException           for unreadable input, a missing column, an invalid value under the
     *                                 default policy, or no usable rows
     * @throws OutputException         when the --rows-out file cannot be written
     */
    @Override
    public Report evaluate(EvalRequest request) throws InvalidRequestException, DataException, OutputException {
        RunPlan plan = RunPlan.of(request);
        PairingPlan.check(request);
        try {
            // --rows-out reads every input twice (RowsOutPass); stdin only once, so it is copied first.
            stdinSpool = request.rowsOut() != null && request.inputs().contains("-") ? Sources.spoolStdin(stdin) : null;
            return readAndReport(plan);
        } catch (InputException e) {
            throw new DataException(e);
        } finally {
            Sources.deleteSpool(stdinSpool);
            stdinSpool = null;
        }
    }

    private Report readAndReport(RunPlan plan) throws InputException, OutputException {
        EvalRequest request = plan.request;
        positiveWeight = false;
        pairingCounts = null;
        rowsBefore = 0;
        RunStates run = new RunStates(plan);
        GroupRouter groups = request.grouping() == null ? null : new GroupRouter(plan);
        List<InputStates> inputs = new ArrayList<>();
        try (Pairing pairing = request.pairing() == null ? null
                : PairingPlan.open(plan, (name, options) -> open(name, options, request.threads()), batchSize,
                        Runtime.getRuntime().maxMemory())) {
            for (int source = 0; source < request.inputs().size(); source++) {
                inputs.add(read(plan, source, run, pairing, groups));
            }
            if (pairing != null) {
                pairing.finish();
                pairingCounts = pairing.counts();
            }
        }
        RunEnd.Ungated end = RunEnd.report(plan, toolVersion, kernels.description(), inputs, positiveWeight, run, groups,
                pairingCounts == null ? null : pairingCounts.result(request.pairing()));
        if (request.rowsOut() != null) writeRows(plan, end.losses(), end.report(), inputs);
        return RunEnd.judged(plan, end.report());
    }

    /** The second pass of --rows-out, into a temporary file renamed over the target when it is complete. */
    private void writeRows(RunPlan plan, DeferredLosses losses, Report report, List<InputStates> inputs)
            throws InputException, OutputException {
        RowsOutRequest rowsOut = plan.request.rowsOut();
        List<Long> readCounts = inputs.stream().map(input -> input.tally().read()).toList();
        RowsOutPass pass = new RowsOutPass(plan, losses, RowsOutPass.outliers(report), kernels, batchSize);
        RowsOutPass.Opener opener = (input, options) -> open(input, options, plan.request.threads());
        // The first pass's pairing is closed and unreachable by now, so a key join's table is built again, not held twice.
        try (ReplacingFile file = ReplacingFile.open(rowsOut.path());
             Pairing pairing = plan.request.pairing() == null ? null
                     : PairingPlan.open(plan, opener::open, batchSize, Runtime.getRuntime().maxMemory())) {
            pass.write(opener, pairing, readCounts,
                    RowsWriter.open(rowsOut.format(), RowsOutPass.layout(plan.request), file.buffered()));
            file.commit();
        } catch (IOException e) {
            throw new OutputException(ReplacingFile.describe(rowsOut.path(), e), e);
        }
    }

    /**
     * Reads one input to its end, feeding its own states, the run's and its groups'; with a baseline in other
     * files, each batch is first paired with the baseline's rows ({@link PairedSource}). With two or more
     * threads and no pairing, a plain CSV or a Parquet file is read in ranges on every thread ({@link SplitReading}).
     */
    private InputStates read(RunPlan plan, int source, RunStates run, Pairing pairing, GroupRouter groups)
            throws InputException {
        EvalRequest request = plan.request;
        if (groups != null) groups.startSource(source);
        String name = request.inputs().get(source);
        if (pairing == null && request.threads() > 1) {
            SourceFeed split = SplitReading.read(plan, source, run, groups, kernels, request.threads(), batchSize,
                    progress, rowsBefore);
            if (split != null) return finish(split);
        }
        Source opened = open(name, CheckedInput.options(plan, batchSize), request.threads());
        SourceFeed feed = new SourceFeed(plan, new InputStates(plan, opened.name(), opened.format()), run, groups);
        try (CheckedInput input = new CheckedInput(plan, opened, pairing, feed.input.tally(), kernels)) {
            CheckedInput.Batch checked;
            while ((checked = input.next(null)) != null) {
                progress.advanced(opened.name(), rowsBefore + feed.input.tally().read(), opened.bytesRead(),
                        opened.bytesTotal());
                feed.accept(source, checked);
            }
        }
        return finish(feed);
    }

    /** The input's states, once it has been read to its end. */
    private InputStates finish(SourceFeed feed) {
        positiveWeight |= feed.positiveWeight();
        rowsBefore += feed.input.tally().read();
        return feed.input;
    }

    /**
     * What the last evaluation's pairing with --baseline files counted (baseline rows read and paired,
     * candidate rows removed and baseline rows left unpaired, per reason), or null when it had no --baseline.
     */
    public PairingCounts pairingCounts() { return pairingCounts; }

    private Source open(String input, SourceOptions options, int threads) throws InputException {
        InputStream in = stdin;
        if (input.equals("-") && stdinSpool != null) {
            try {
                in = Files.newInputStream(stdinSpool);
            } catch (IOException e) {
                throw new InputException(input, 0, null, "cannot read the copy of standard input: " + e.getMessage(), e);
            }
        }
        if (threads < 2) return Sources.open(input, in, options);
        // Two threads: a gzip input is decompressed on the second one (ReadAheadStream) and parsed on this
        // one; any other is parsed on the second one (PrefetchingSource) and computed on this one, unless it is
        // too small to be worth a thread.
        GunzipAhead gunzip = new GunzipAhead();
        Source source = Sources.open(input, in, options, gunzip);
        return gunzip.used || !PrefetchingSource.worthIt(source) ? source : new PrefetchingSource(source);
    }

    /**
     * Puts a gzip input's decompression on a second thread, and remembers whether it did. A class, not a
     * lambda: a lambda is linked at every start, and this runs on every run with two threads (issue 14 item 4).
     */
    private static final class GunzipAhead implements UnaryOperator<InputStream> {
        private boolean used;

        @Override
        public InputStream apply(InputStream bytes) {
            used = true;
            return new ReadAheadStream(bytes);
        }
    }
}
