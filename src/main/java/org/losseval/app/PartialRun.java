package org.losseval.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.accumulate.StateCodec;
import org.losseval.accumulate.StateFormatException;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.report.Report;

/**
 * A part of a run whose inputs another engine reads and splits (Spark: one per partition), and the run's
 * report from all its parts combined.
 *
 * <p>The life of a distributed run: the driver lists the inputs in the order the command line would read them
 * and makes the request; each worker makes a {@code PartialRun} of that request and input list, feeds it the
 * pieces of inputs it holds ({@link #read}: a {@link Source} over some of one input's rows, in row order, each
 * batch giving its rows' numbers; {@link #options} says what to read), and ships {@link #encode}d bytes; the driver decodes them
 * ({@link #decode}), combines them in a fixed order ({@link #combine}) and finishes ({@link #report}). Each
 * piece goes through the command line's own steps: the same column binding and row validation
 * ({@link CheckedInput}), the same states fed in the same order ({@link SourceFeed}), the same end-of-run checks
 * ({@link RunEnd}) and report ({@link ReportAssembler}). The states' sums are exact and their bootstrap weights
 * depend only on (seed, input, row), so the report is the command line's, bit for bit, whatever the split.
 *
 * <p>Groups ({@code --group-by}) are numbered in each part as it meets them, matched by their values when parts
 * combine, and renumbered by where each first appeared (input, row) before the report, which is the command
 * line's numbering. Not supported here (refused by {@link #PartialRun}): a baseline in other files
 * ({@code --baseline}, a join) and {@code --rows-out} (a second pass that writes rows). Not thread-safe.
 */
public final class PartialRun {
    /** The classes of this package whose instances are encoded as states (with those of accumulate). */
    private static final StateCodec CODEC = new StateCodec(Set.of(PartialRun.class, InputStates.class,
            RunStates.class, ComparisonStates.class, KernelChooser.class, GroupRouter.class));

    private final transient RunPlan plan;
    /** The run's inputs, in the command line's order: the index of a piece's input is its place here. */
    private final List<String> inputNames;
    private final String format;
    /**
     * Per input, its states (empty for an input this part has no piece of: every part has all, so a decoded part
     * fills states made from the request, never states without their losses).
     */
    private final InputStates[] inputs;
    /** Per input, the format of its pieces (the report names it), or null when this part has none. */
    private final String[] formats;
    private final RunStates run;
    /** The groups of --group-by, or null without. */
    private final GroupRouter groups;
    private final KernelChooser kernels = new KernelChooser();
    /** Whether some usable row had a positive sample weight (with --weight). */
    private boolean positiveWeight;

    /**
     * An empty part of the run of {@code request} over {@code inputNames} (the request's own inputs are not read).
     *
     * @param format what the inputs are, as the report names it ("parquet", "csv"), for an input without rows in
     *               any part (a piece's own format is its source's)
     * @throws InvalidRequestException as the command line's run would refuse the request, or for what this path
     *                                 does not support (see the class comment)
     */
    public PartialRun(EvalRequest request, List<String> inputNames, String format) throws InvalidRequestException {
        this(request, inputNames, format, Runtime.getRuntime().maxMemory());
    }

    /**
     * As {@link #PartialRun(EvalRequest, List, String)}, with the budgets capped by a heap of {@code maxHeapBytes}
     * rather than this JVM's: every part of a run must be made with the same figure (the driver's choice), else
     * their states keep different budgets and refuse to combine.
     */
    public PartialRun(EvalRequest request, List<String> inputNames, String format, long maxHeapBytes)
            throws InvalidRequestException {
        refuseUnsupported(request);
        this.plan = RunPlan.of(request, maxHeapBytes);
        this.inputNames = List.copyOf(inputNames);
        this.format = format;
        this.inputs = new InputStates[inputNames.size()];
        for (int i = 0; i < inputs.length; i++) inputs[i] = new InputStates(plan, inputNames.get(i), format);
        this.formats = new String[inputs.length];
        this.run = new RunStates(plan);
        this.groups = request.grouping() == null ? null : new GroupRouter(plan);
    }

    private static void refuseUnsupported(EvalRequest request) throws InvalidRequestException {
        String option = request.pairing() != null ? "a baseline in other files (--baseline)"
                : request.rowsOut() != null ? "--rows-out" : null;
        if (option != null) throw new InvalidRequestException(option + " is not supported on this engine (Spark) yet");
    }

    /** The columns, groups and text columns a piece's source must hold, and the command line's batch size. */
    public SourceOptions options() {
        return options(SourceOptions.DEFAULT_BATCH_SIZE);
    }

    /** {@link #options()} with batches of {@code batchSize} rows (the figures do not depend on it). */
    public SourceOptions options(int batchSize) {
        return CheckedInput.options(plan, batchSize);
    }

    /**
     * Reads a piece of input {@code input} to its end (and closes it): its rows validated and fed to the
     * states, its row numbers those of the input (the source's batches say where the piece starts).
     *
     * @throws DataException as the command line's run: a missing column, an invalid value under the default policy
     */
    public void read(int input, Source piece) throws DataException {
        if (!piece.name().equals(inputNames.get(input))) {
            throw new IllegalArgumentException("piece of " + piece.name() + " given as input " + input);
        }
        if (formats[input] != null && !formats[input].equals(piece.format())) {
            throw new IllegalArgumentException("input " + piece.name() + " read as " + formats[input] + " and " + piece.format());
        }
        formats[input] = piece.format();
        SourceFeed feed = new SourceFeed(plan, inputs[input], run, groups);
        if (groups != null) groups.startSource(input);
        try (CheckedInput checked = new CheckedInput(plan, piece, null, feed.input.tally(), kernels)) {
            CheckedInput.Batch batch;
            while ((batch = checked.next(null)) != null) feed.accept(input, batch);
            positiveWeight |= feed.positiveWeight();
        } catch (InputException e) {
            throw new DataException(e);
        }
    }

    /** The states of an input as the report names it: of its pieces' format, or of the run's default without any. */
    private InputStates reported(int input) {
        if (formats[input] == null || formats[input].equals(inputs[input].format())) return inputs[input];
        InputStates named = new InputStates(plan, inputNames.get(input), formats[input]);
        named.combine(inputs[input]);
        return named;
    }

    /**
     * Adds another part of the same run; {@code other} is not changed. Combine parts in one fixed order (the
     * partitions') for tidiness: the figures are the same bits in any order.
     */
    public void combine(PartialRun other) throws DataException {
        if (!other.inputNames.equals(inputNames)) throw new IllegalArgumentException("parts of runs over other inputs");
        for (int i = 0; i < inputs.length; i++) {
            inputs[i].combine(other.inputs[i]);
            if (formats[i] == null) formats[i] = other.formats[i];
        }
        run.combine(other.run);
        if (groups != null) {
            try {
                groups.combine(other.groups);
            } catch (InputException e) {
                throw new DataException(e);
            }
        }
        kernels.combine(other.kernels);
        positiveWeight |= other.positiveWeight;
    }

    /**
     * The report of the whole run, once every part is combined into this one, gates judged: the command
     * line's report of the same request over the same inputs.
     *
     * @throws DataException as the command line's run: no usable rows, weights summing to 0, an overflow
     */
    public Report report(String toolVersion) throws DataException {
        List<InputStates> all = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) all.add(reported(i));
        // Parts numbered their groups as they met them; the command line numbers them by first appearance.
        if (groups != null) groups.inFirstAppearanceOrder();
        try {
            Report report = RunEnd.report(plan, toolVersion, kernels.description(), all, positiveWeight, run, groups,
                    null).report();
            return RunEnd.judged(plan, report);
        } catch (InputException e) {
            throw new DataException(e);
        }
    }

    /** This part's states in {@link StateCodec}'s format, with the fingerprint of its request and inputs. */
    public byte[] encode() {
        // Every loss's own sums, as the format has always held them (InputStates#settle).
        for (InputStates input : inputs) input.settle();
        return CODEC.encode(this, fingerprint(plan.request, inputNames, format, plan.maxHeapBytes));
    }

    /**
     * A part encoded by {@link #encode} from the same request and inputs.
     *
     * @throws StateFormatException when the bytes are not a part of this request (another magic number, format
     *                              version, configuration or layout), with a one-line message saying which
     */
    public static PartialRun decode(EvalRequest request, List<String> inputNames, String format, byte[] bytes)
            throws InvalidRequestException, StateFormatException {
        return decode(request, inputNames, format, Runtime.getRuntime().maxMemory(), bytes);
    }

    /** A part encoded by {@link #encode} from the same request, inputs and heap figure. */
    public static PartialRun decode(EvalRequest request, List<String> inputNames, String format, long maxHeapBytes,
                                    byte[] bytes) throws InvalidRequestException, StateFormatException {
        PartialRun empty = new PartialRun(request, inputNames, format, maxHeapBytes);
        // The bytes hold every loss's own sums (encode settles): the states must expect them so.
        for (InputStates input : empty.inputs) input.settle();
        CODEC.decodeInto(empty, bytes, fingerprint(request, inputNames, format, maxHeapBytes));
        return empty;
    }

    /**
     * SHA-256 of what makes states of two parts combinable: the inputs, the columns and roles, the losses with
     * their parameters, quantiles, intervals, contribution settings and budgets, the invalid-value policy, the
     * baseline with its seed and replicates, and the budgets as the heap figure caps them. Gates and outputs are
     * left out: they do not change a state.
     */
    static byte[] fingerprint(EvalRequest request, List<String> inputNames, String format, long maxHeapBytes) {
        StringBuilder text = new StringBuilder("losseval states v").append(StateCodec.VERSION);
        // the budgets as capped, not the heap itself: parts on different heaps with the same budgets combine
        text.append("\nbudgets=").append(ContributionSettings.heapCappedBudget(request.exactBudgetBytes(), maxHeapBytes));
        text.append("\ninputs=").append(inputNames).append("\nformat=").append(format);
        text.append("\nroles=").append(request.roles()).append("\nweight=").append(request.weightColumn());
        for (var loss : request.losses()) text.append("\nloss=").append(loss.label()).append('|').append(loss.loss().spec());
        text.append("\nquantiles=").append(request.quantiles()).append("\nintervals=").append(request.intervals());
        text.append("\ncontributions=").append(request.contributions()).append("\nexactBudget=").append(request.exactBudgetBytes());
        text.append("\npolicy=").append(request.policy()).append("\nbaseline=").append(request.baseline());
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
