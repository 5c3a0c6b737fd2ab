package org.losseval.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.io.InputException;
import org.losseval.io.SourceOptions;
import org.losseval.loss.Role;

/**
 * What a run with a baseline in other files reads on each side: the candidate's own columns (and the key),
 * and from the baseline's files the key, the target and every column the run names with the reserved prefix
 * ({@link PairedColumns}); and the {@link Pairing} that joins them.
 */
final class PairingPlan {
    private PairingPlan() {}

    /**
     * Checks a request with --baseline before any data is read: no column the user named for the candidate
     * (or as a key) has the reserved prefix, and stdin is not read on both sides.
     */
    static void check(EvalRequest request) throws InvalidRequestException {
        PairingRequest pairing = request.pairing();
        if (pairing == null) return;
        List<String> userColumns = new ArrayList<>(request.roles().values());
        if (request.weightColumn() != null) userColumns.add(request.weightColumn());
        for (QuantileColumn q : request.quantiles()) userColumns.add(q.column());
        for (IntervalColumns i : request.intervals()) {
            userColumns.add(i.lower());
            userColumns.add(i.upper());
        }
        userColumns.addAll(pairing.keys());
        PairedColumns.checkNoClash(userColumns);
        if (pairing.files().stream().filter("-"::equals).count() > 1
                || (pairing.files().contains("-") && request.inputs().contains("-"))) {
            throw new InvalidRequestException("stdin ('-') can be read only once");
        }
    }

    /**
     * The candidate's number columns: with --baseline FILE the run's own (not reserved), else every column the
     * run reads (a column named {@code baseline:x} is then the user's own).
     */
    static List<String> candidateColumns(RunPlan plan) {
        if (plan.request.pairing() == null) return plan.columnsRead();
        return PairedColumns.candidateColumns(plan.columnsRead());
    }

    /**
     * The candidate's text columns: the key columns (keys are read as text, {@link RowKeys}) and the
     * {@code --group-by} columns (group values are texts, {@link GroupKeys}), each once.
     */
    static List<String> candidateTexts(RunPlan plan) {
        Set<String> texts = new LinkedHashSet<>();
        if (plan.request.pairing() != null) texts.addAll(plan.request.pairing().keys());
        if (plan.request.grouping() != null) texts.addAll(plan.request.grouping().columns());
        return List.copyOf(texts);
    }

    /** The candidate's group specs (with --baseline FILE, the reserved ones are the baseline's). */
    static List<String> candidateGroups(RunPlan plan) {
        if (plan.request.pairing() == null) return plan.groupsRead();
        return PairedColumns.candidateColumns(plan.groupsRead());
    }

    /**
     * Opens the baseline's files and the pairing (a key join reads the whole baseline here).
     *
     * @param batchSize    rows per batch read from the baseline's files (the candidate's; results do not depend on it)
     * @param maxHeapBytes the heap the key table's budget is capped by ({@link Runtime#maxMemory()})
     */
    static Pairing open(RunPlan plan, BaselineFiles.Opener opener, int batchSize, long maxHeapBytes)
            throws InputException {
        EvalRequest request = plan.request;
        PairingRequest pairing = request.pairing();
        String target = request.column(Role.TARGET);
        List<String> plain = PairedColumns.baselineColumns(plan.columnsRead());
        List<String> groups = PairedColumns.baselineColumns(plan.groupsRead());
        Set<String> read = new LinkedHashSet<>();
        if (target != null) read.add(target);
        read.addAll(plain);
        SourceOptions options = new SourceOptions(List.copyOf(read), request.delimiter(), batchSize,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS, groups, pairing.keys());
        BaselineFiles files = new BaselineFiles(pairing.files(), opener, options);
        try {
            Set<String> added = new LinkedHashSet<>(plain);
            for (String spec : groups) added.addAll(files.groupColumns(spec));
            List<String> columns = List.copyOf(added);
            if (!pairing.keyed()) return new PositionalPairing(files, columns, target);
            long budget = ContributionSettings.heapCappedBudget(pairing.budgetBytes(), maxHeapBytes);
            return new KeyedPairing(files, columns, target, pairing.keys(), request.policy(), budget,
                    "raise --join-budget (in MiB; at most a quarter of the Java heap is used, raise that with"
                            + " LOSSEVAL_JAVA_OPTS=-Xmx...) or pair by position");
        } catch (InputException | RuntimeException e) {
            files.close();
            throw e;
        }
    }
}
