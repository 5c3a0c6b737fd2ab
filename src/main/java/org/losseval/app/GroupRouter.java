package org.losseval.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.losseval.accumulate.GroupState;
import org.losseval.accumulate.LossState;
import org.losseval.accumulate.MeanSums;
import org.losseval.accumulate.StateCodec;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;

/**
 * Routes each validated batch's rows to the states of their {@code --group-by} group ({@link GroupState},
 * one per group, numbered by {@link GroupKeys}).
 *
 * <p>Per batch: the group of every row; when the whole batch is one group (a {@code file} or partition
 * column, or sorted data) its rows go to that group's states as they are; otherwise the rows are ordered by
 * group with a counting sort (stable, so each group keeps its rows in input order) and each group's rows are
 * gathered into reused arrays ({@link GatheredRows}) and accepted by its states. A loss whose group states can
 * take row losses ({@link LossState#reusesRowLosses}) gets the run's row losses of the batch, gathered the same
 * way, rather than computing them again from the group's columns (the same bits: each row loss is computed once
 * by the same kernels either way); the columns themselves are gathered only when some state reads them. So every group's states see
 * its rows in input order, in pieces that depend on the batch size; the states' sums are exact, so the figures
 * are the same bits whatever the batch size or thread count. Losses whose run row losses are the same bits
 * (mse and rmse) share their groups' work while they stay so ({@link #checkTwins}). Not thread-safe.
 */
final class GroupRouter implements StateCodec.Decoded {
    private final transient RunPlan plan;
    /** Numbers the groups; rebuilt from {@link #keyTexts} when decoded ({@link #afterDecode}). */
    private transient GroupKeys keys;
    private final transient GroupState template;
    private final List<GroupState> states = new ArrayList<>();
    /** Per group id, its values (one per column): the groups as another part of the run can match them. */
    private final List<List<String>> keyTexts = new ArrayList<>();
    /**
     * Per group id, where it first appeared among the rows used: input index and row number. Parts of a run (Spark
     * partitions) number their groups in their own order; the whole's are renumbered by this, as the command line
     * numbers them ({@link #inFirstAppearanceOrder}).
     */
    private int[] firstInput = new int[0];
    private long[] firstRow = new long[0];
    /** The input the next batches come from ({@link #startSource}). */
    private transient int source;
    private final transient GatheredRows gathered = new GatheredRows();
    /** The same rows through the baseline's binding (with a baseline). */
    private final transient GatheredRows gatheredBaseline = new GatheredRows();
    private transient int[] groupOfRow = new int[0];
    private transient int[] order = new int[0];
    private transient int[] count = new int[0];
    private transient int[] start = new int[0];
    private transient int[] present = new int[0];
    private transient double[] weightScratch = new double[0];
    /** Per streamed loss whether its groups add the run's row losses of the batch rather than compute them. */
    private final transient boolean[] reused;
    /** Whether the groups' states read the rows' columns (a loss not reused, a baseline, quantiles, intervals). */
    private final transient boolean columnsRead;
    /** Per streamed loss, the run's row losses of a batch, then of one group's rows; null where not reused. */
    private final transient double[][] runRowLosses;
    private final transient double[][] rowLossScratch;
    /**
     * Per streamed loss, the earlier loss whose group states stand in for it ({@link GroupState#twin}) while every
     * batch so far gave both the same row losses, or its own index; null until the first batch. Reading-time only:
     * a combined group state has its own states for every loss ({@link GroupState#combine} untwins), so a part
     * crosses the network without it.
     */
    private transient int[] twinOf;
    private transient double[][] quantileScratch;
    private transient double[][] lowerScratch;
    private transient double[][] upperScratch;

    GroupRouter(RunPlan plan) {
        this.plan = plan;
        EvalRequest request = plan.request;
        GroupingRequest grouping = request.grouping();
        keys = newKeys(request);
        List<RowLoss> streamed = new ArrayList<>(plan.streamed);
        double[] levels = new double[request.quantiles().size()];
        for (int q = 0; q < levels.length; q++) levels[q] = request.quantiles().get(q).level();
        double[] nominals = new double[request.intervals().size()];
        for (int i = 0; i < nominals.length; i++) nominals[i] = plan.nominals.get(i);
        template = new GroupState(streamed, request.weightColumn() != null, levels, nominals, confidence(request),
                plan.exactBudgetBytes, pairedT(request, streamed));
        reused = new boolean[streamed.size()];
        boolean allReused = true;
        for (int l = 0; l < reused.length; l++) {
            reused[l] = streamed.get(l) != null && LossState.reusesRowLosses(streamed.get(l));
            allReused &= reused[l] || streamed.get(l) == null;
        }
        columnsRead = !allReused || request.baseline() != null || levels.length > 0 || nominals.length > 0;
        runRowLosses = new double[reused.length][];
        rowLossScratch = new double[reused.length][];
        for (int l = 0; l < reused.length; l++) rowLossScratch[l] = reused[l] ? new double[0] : null;
        quantileScratch = new double[levels.length][0];
        lowerScratch = new double[nominals.length][0];
        upperScratch = new double[nominals.length][0];
    }

    /** The level of the group intervals: the run's --confidence (which only a comparison takes), else 95%. */
    static double confidence(EvalRequest request) {
        return request.baseline() == null ? MeanSums.DEFAULT_CONFIDENCE : request.baseline().confidence();
    }

    /** Per loss whether its Δ per group gets the paired t interval ({@link DeltaMethod}); null without a baseline. */
    private static boolean[] pairedT(EvalRequest request, List<RowLoss> streamed) {
        if (request.baseline() == null) return null;
        boolean[] pairedT = new boolean[streamed.size()];
        for (int l = 0; l < pairedT.length; l++) {
            pairedT[l] = streamed.get(l) != null && DeltaMethod.of(streamed.get(l)) == DeltaMethod.PAIRED_T;
        }
        return pairedT;
    }

    /** The next batches come from input {@code source} (its index among the run's inputs). */
    void startSource(int source) {
        this.source = source;
        keys.startSource();
    }

    /**
     * Adds the groups of another part of the run (a later range of a split file, or a Spark partition's), made from
     * the same plan: each of its groups, in its order of first appearance, to this part's group of the same values
     * (made when new, so a later range's new groups are numbered as one router reading both ranges in order would
     * number them), state by state; {@code other}'s figures are not changed.
     *
     * @throws InputException when the groups together exceed --max-groups: at the row where the first group beyond
     *                        the cap appeared, when {@code other} was read here ({@link GroupKeys#add})
     */
    void combine(GroupRouter other) throws InputException {
        for (int g = 0; g < other.states.size(); g++) {
            int mine = keys.add(other.keyTexts.get(g), other.keys, g);
            newGroups();
            states.get(mine).combine(other.states.get(g));
            noteFirst(mine, other.firstInput[g], other.firstRow[g]);
        }
    }

    /**
     * Renumbers the groups by where they first appeared (input, then row), the command line's numbering, after
     * parts were combined; the groups then take no more rows.
     */
    void inFirstAppearanceOrder() {
        Integer[] byFirst = new Integer[states.size()];
        for (int g = 0; g < byFirst.length; g++) byFirst[g] = g;
        java.util.Arrays.sort(byFirst, java.util.Comparator.<Integer>comparingInt(g -> firstInput[g])
                .thenComparingLong(g -> firstRow[g]).thenComparingInt(g -> g));
        List<GroupState> sortedStates = new ArrayList<>();
        List<List<String>> sortedTexts = new ArrayList<>();
        int[] inputs = firstInput.clone();
        long[] rows = firstRow.clone();
        for (int k = 0; k < byFirst.length; k++) {
            sortedStates.add(states.get(byFirst[k]));
            sortedTexts.add(keyTexts.get(byFirst[k]));
            inputs[k] = firstInput[byFirst[k]];
            rows[k] = firstRow[byFirst[k]];
        }
        states.clear();
        states.addAll(sortedStates);
        keyTexts.clear();
        keyTexts.addAll(sortedTexts);
        firstInput = inputs;
        firstRow = rows;
        afterDecode();
    }

    /** After {@link StateCodec} filled the groups' values and states: the group numbering again, from the values. */
    @Override
    public void afterDecode() {
        keys = newKeys(plan.request);
        try {
            for (List<String> texts : keyTexts) keys.add(texts, null, 0);
        } catch (InputException e) {
            throw new IllegalStateException("more groups than --max-groups in one part", e);
        }
    }

    /** An empty group's states, for a group the decoder meets (StateCodec). */
    @Override
    public Object emptyElement(String field) {
        return field.equals("states") ? template.emptyCopy() : null;
    }

    private static GroupKeys newKeys(EvalRequest request) {
        return new GroupKeys(request.grouping().columns(), request.grouping().maxGroups());
    }

    /** States, values and first appearance for the groups numbered since the last call. */
    private void newGroups() {
        while (states.size() < keys.size()) {
            int g = states.size();
            GroupState state = template.emptyCopy();
            if (twinOf != null) for (int l = 0; l < twinOf.length; l++) if (twinOf[l] != l) state.twin(l, twinOf[l]);
            states.add(state);
            keyTexts.add(keys.values(g));
            if (firstInput.length <= g) {
                int length = Math.max(g + 1, 2 * firstInput.length);
                firstInput = Arrays.copyOf(firstInput, length);
                firstRow = Arrays.copyOf(firstRow, length);
            }
            firstInput[g] = Integer.MAX_VALUE;
            firstRow[g] = Long.MAX_VALUE;
        }
    }

    private void noteFirst(int group, int input, long row) {
        if (input < firstInput[group] || input == firstInput[group] && row < firstRow[group]) {
            firstInput[group] = input;
            firstRow[group] = row;
        }
    }

    /**
     * Adds a validated batch (its rows all used).
     *
     * @param baseline the batch through the baseline's binding, or null exactly when the run compares nothing
     * @param run      the input's states, which have accepted the batch: their row losses are the groups'
     */
    void accept(ColumnBatch batch, BatchInputs inputs, BatchInputs baseline, double[] sampleWeight, InputStates run)
            throws InputException {
        int n = batch.size();
        for (int l = 0; l < reused.length; l++) runRowLosses[l] = reused[l] ? run.rowLossState(l).plainRowLosses() : null;
        if (groupOfRow.length < n) {
            groupOfRow = new int[n];
            order = new int[n];
        }
        checkTwins(n);
        keys.groupsOf(batch, groupOfRow);
        newGroups();
        int groups = keys.size();
        if (count.length < groups) {
            count = Arrays.copyOf(count, Math.max(groups, 2 * count.length));
            start = new int[count.length];
        }
        int distinct = 0;
        if (present.length < n) present = new int[n];
        for (int i = 0; i < n; i++) {
            int g = groupOfRow[i];
            if (count[g]++ == 0) {
                present[distinct++] = g;
                // a batch's rows are in row order: the group's first row in it is its earliest
                noteFirst(g, source, batch.rowNumber(i));
            }
        }
        if (distinct == 1) {
            count[present[0]] = 0;
            states.get(present[0]).accept(wholeBatch(batch, inputs, baseline, sampleWeight));
            return;
        }
        int offset = 0;
        for (int d = 0; d < distinct; d++) {
            int g = present[d];
            start[g] = offset;
            offset += count[g];
        }
        for (int i = 0; i < n; i++) order[start[groupOfRow[i]]++] = i;
        int from = 0;
        for (int d = 0; d < distinct; d++) {
            int g = present[d];
            int to = from + count[g];
            count[g] = 0;
            states.get(g).accept(gather(batch, inputs, baseline, sampleWeight, from, to));
            from = to;
        }
    }

    /**
     * Twins losses whose run row losses are the same bits in the first batch (mse and rmse: squared errors), and
     * gives a twinned loss its own group states again at the first batch where they differ: the groups' figures
     * are the same bits either way ({@link GroupState#untwin} copies exact sums), only the work changes.
     */
    private void checkTwins(int n) {
        if (twinOf == null) {
            twinOf = new int[reused.length];
            for (int l = 0; l < twinOf.length; l++) {
                twinOf[l] = l;
                if (!reused[l]) continue;
                for (int m = 0; m < l; m++) {
                    if (twinOf[m] == m && reused[m] && template.twinnable(l, m)
                            && sameBits(runRowLosses[m], runRowLosses[l], n)) {
                        twinOf[l] = m;
                        break;
                    }
                }
            }
            return;
        }
        for (int l = 0; l < twinOf.length; l++) {
            if (twinOf[l] != l && !sameBits(runRowLosses[twinOf[l]], runRowLosses[l], n)) {
                for (GroupState state : states) state.untwin(l);
                twinOf[l] = l;
            }
        }
    }

    private static boolean sameBits(double[] a, double[] b, int n) {
        if (a == b) return true; // one state fed for both losses (InputStates: mse and rmse)
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) return false;
        }
        return true;
    }

    private GroupState.Batch wholeBatch(ColumnBatch batch, BatchInputs inputs, BatchInputs baseline,
                                        double[] sampleWeight) {
        EvalRequest request = plan.request;
        double[][] quantiles = new double[request.quantiles().size()][];
        for (int q = 0; q < quantiles.length; q++) quantiles[q] = batch.column(request.quantiles().get(q).column());
        double[][] lowers = new double[request.intervals().size()][];
        double[][] uppers = new double[lowers.length][];
        for (int i = 0; i < lowers.length; i++) {
            lowers[i] = batch.column(request.intervals().get(i).lower());
            uppers[i] = batch.column(request.intervals().get(i).upper());
        }
        double[] target = inputs.has(Role.TARGET) ? inputs.column(Role.TARGET) : null;
        return new GroupState.Batch(inputs, sampleWeight, target, quantiles, lowers, uppers, baseline, runRowLosses);
    }

    private GroupState.Batch gather(ColumnBatch batch, BatchInputs inputs, BatchInputs baseline, double[] sampleWeight,
                                    int from, int to) {
        EvalRequest request = plan.request;
        int m = to - from;
        if (columnsRead) gathered.gather(inputs, order, from, to);
        else gathered.countOnly(inputs, to - from);
        for (int l = 0; l < reused.length; l++) {
            if (!reused[l]) continue;
            if (rowLossScratch[l].length < m) rowLossScratch[l] = new double[Math.max(m, 2 * rowLossScratch[l].length)];
            GatheredRows.gather(runRowLosses[l], order, from, to, rowLossScratch[l]);
        }
        if (baseline != null) gatheredBaseline.gather(baseline, order, from, to);
        double[] weights = null;
        if (sampleWeight != null) {
            if (weightScratch.length < m) weightScratch = new double[m];
            GatheredRows.gather(sampleWeight, order, from, to, weightScratch);
            weights = weightScratch;
        }
        for (int q = 0; q < quantileScratch.length; q++) {
            quantileScratch[q] = gathered(batch.column(request.quantiles().get(q).column()), from, to, quantileScratch[q]);
        }
        for (int i = 0; i < lowerScratch.length; i++) {
            lowerScratch[i] = gathered(batch.column(request.intervals().get(i).lower()), from, to, lowerScratch[i]);
            upperScratch[i] = gathered(batch.column(request.intervals().get(i).upper()), from, to, upperScratch[i]);
        }
        double[] target = gathered.has(Role.TARGET) ? gathered.column(Role.TARGET) : null;
        return new GroupState.Batch(gathered, weights, target, quantileScratch, lowerScratch, upperScratch,
                baseline == null ? null : gatheredBaseline, rowLossScratch);
    }

    private double[] gathered(double[] values, int from, int to, double[] scratch) {
        double[] out = scratch.length >= to - from ? scratch : new double[to - from];
        GatheredRows.gather(values, order, from, to, out);
        return out;
    }

    GroupKeys keys() { return keys; }

    /** Per group id, its states. */
    List<GroupState> states() { return states; }
}
