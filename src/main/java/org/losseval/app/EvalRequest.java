package org.losseval.app;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.gate.Gate;
import org.losseval.loss.LossRequest;
import org.losseval.loss.Role;

/**
 * What to evaluate: a plain record the command line builds, independent of picocli.
 *
 * @param inputs        input names as given ("-" is stdin), at least one
 * @param roles         for each role given: its column (a single role) or its group spec as typed (a group
 *                      role: a comma list, a range l0..l9, a glob logit_*, or a Parquet list column)
 * @param weightColumn  the sample-weight column, or null
 * @param losses        the losses, in the order requested
 * @param quantiles     the --quantile columns
 * @param intervals     the --interval column pairs
 * @param contributions what the contribution figures report, or null when they are off (--no-contrib)
 * @param gates         the --fail-if gates
 * @param policy        what to do with invalid values
 * @param delimiter     the CSV delimiter, or null to choose by file name
 * @param threads       threads to use: 1 reads and computes on one thread; with N of 2 or more a plain CSV
 *                      file is read in up to N ranges at once ({@link SplitReading}), a gzip input is
 *                      decompressed on a second thread, any other input read ahead on one. Results and
 *                      messages are the same bits whatever the count.
 * @param baseline      the baseline compared with in the same rows, or null
 * @param pairing       the baseline's own files and how rows pair with them, or null
 * @param grouping      the --group-by columns and limits, or null
 * @param rowsOut       the per-row output, or null
 * @param exactBudgetBytes the --exact-budget as asked (before the heap cap): the memory of the exact order
 *                      statistics, the contribution figures' and medae's. Its own component because medae
 *                      needs it with --no-contrib too (then {@code contributions} is null).
 */
public record EvalRequest(List<String> inputs, Map<Role, String> roles, String weightColumn,
                          List<LossRequest> losses, List<QuantileColumn> quantiles, List<IntervalColumns> intervals,
                          ContributionSettings contributions, List<Gate> gates, InvalidPolicy policy,
                          Character delimiter, int threads, BaselineRequest baseline, PairingRequest pairing,
                          GroupingRequest grouping, RowsOutRequest rowsOut, long exactBudgetBytes) {
    /** A request whose exact budget is the contribution figures' (the default with them off). */
    public EvalRequest(List<String> inputs, Map<Role, String> roles, String weightColumn,
                       List<LossRequest> losses, List<QuantileColumn> quantiles, List<IntervalColumns> intervals,
                       ContributionSettings contributions, List<Gate> gates, InvalidPolicy policy,
                       Character delimiter, int threads, BaselineRequest baseline, PairingRequest pairing,
                       GroupingRequest grouping, RowsOutRequest rowsOut) {
        this(inputs, roles, weightColumn, losses, quantiles, intervals, contributions, gates, policy, delimiter,
                threads, baseline, pairing, grouping, rowsOut, contributions == null
                        ? ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES : contributions.exactBudgetBytes());
    }

    /** A request that compares nothing, groups nothing and writes no rows. */
    public EvalRequest(List<String> inputs, Map<Role, String> roles, String weightColumn,
                       List<LossRequest> losses, List<QuantileColumn> quantiles, List<IntervalColumns> intervals,
                       ContributionSettings contributions, List<Gate> gates, InvalidPolicy policy,
                       Character delimiter, int threads) {
        this(inputs, roles, weightColumn, losses, quantiles, intervals, contributions, gates, policy, delimiter,
                threads, null, null, null, null);
    }

    public EvalRequest {
        inputs = List.copyOf(inputs);
        roles = Collections.unmodifiableMap(roles.isEmpty() ? new EnumMap<>(Role.class) : new EnumMap<>(roles));
        losses = List.copyOf(losses);
        quantiles = List.copyOf(quantiles);
        intervals = List.copyOf(intervals);
        gates = List.copyOf(gates);
        // The messages name the options: the command line shows them as they are (a usage error).
        if (inputs.isEmpty()) throw new IllegalArgumentException("no inputs");
        if (inputs.indexOf("-") != inputs.lastIndexOf("-")) {
            throw new IllegalArgumentException("stdin ('-') can be read only once");
        }
        if (exactBudgetBytes < 0) throw new IllegalArgumentException("--exact-budget must not be negative");
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }

    /**
     * Threads when none are asked for: 2 on a machine with two or more cores (one reads ahead while the other
     * computes; more do not help a single pass), else 1.
     */
    public static int defaultThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    /** The column (or group spec) of a role, or null when the role was not given. */
    public String column(Role role) {
        return roles.get(role);
    }
}
