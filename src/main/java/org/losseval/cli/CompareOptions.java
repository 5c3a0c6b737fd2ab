package org.losseval.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.app.BaselineRequest;
import org.losseval.app.IntervalColumns;
import org.losseval.loss.Role;
import picocli.CommandLine.Option;

/**
 * The comparison with a baseline: the baseline's columns in the same rows (--baseline-pred and its
 * siblings) and the settings of the comparison's intervals.
 */
final class CompareOptions {
    static final String HEADING = "%nComparison with a baseline (in the same rows):%n";

    @Option(names = "--baseline-pred", paramLabel = "COL",
            description = "The baseline's prediction column: every figure is computed for --pred and for this column on "
                    + "the same rows (a row invalid for either is skipped for both), and the report compares them: "
                    + "baseline, candidate, delta = candidate - baseline, relative delta, its confidence interval and "
                    + "p-value, win rate and a verdict.")
    String pred;

    @Option(names = "--baseline-logits", paramLabel = "COLS",
            description = "The baseline's logits, in the forms of --logits (a comma list, a range, a glob, a Parquet "
                    + "list column).")
    String logits;

    @Option(names = "--baseline-probs", paramLabel = "COLS",
            description = "The baseline's class probabilities, in the forms of --probs.")
    String probs;

    @Option(names = "--baseline-quantile", paramLabel = "COL",
            description = "The baseline's quantile column (repeatable), paired in order with the --quantile columns, "
                    + "at the same level.")
    List<String> quantiles;

    @Option(names = "--baseline-interval", paramLabel = "LOWER:UPPER",
            description = "The baseline's prediction interval (repeatable), paired in order with the --interval "
                    + "columns, at the same nominal coverage.")
    List<String> intervals;

    @Option(names = "--confidence", paramLabel = "LEVEL",
            description = "The level of the confidence intervals of delta, and with --group-by of the groups' "
                    + "intervals too (default: ${DEFAULT-VALUE}).")
    double confidence = BaselineRequest.DEFAULT_CONFIDENCE;

    @Option(names = "--margin", paramLabel = "X",
            description = "A non-inferiority margin in the figure's units: the candidate is non-inferior when the "
                    + "interval's upper end of delta is below X (for r2 and explained_variance, where larger is "
                    + "better: its lower end above -X).")
    Double margin;

    @Option(names = "--seed", paramLabel = "N",
            description = "The seed of the bootstrap (rmse, r2, explained_variance, max_error): with the same "
                    + "seed the figures are the same bits on any thread count (default: ${DEFAULT-VALUE}).")
    long seed = BaselineRequest.DEFAULT_SEED;

    @Option(names = "--replicates", paramLabel = "B",
            description = "Bootstrap replicates (default: ${DEFAULT-VALUE}); the bootstrap's time grows with "
                    + "B times the rows.")
    int replicates = BaselineRequest.DEFAULT_REPLICATES;

    @Option(names = "--compare-shares",
            description = "Also compare the loss shares (share_top1, share_topK and each --top-fraction share, per "
                    + "loss) with a bootstrap interval of delta within the --exact-budget. It holds the baseline's "
                    + "contribution figures and the rows' shares as well, so it costs about as much again as the rest "
                    + "of the comparison, and memory up to two more budgets.")
    boolean shares;

    /**
     * The baseline, or null when the run compares nothing. With {@code baselineFiles} (--baseline FILE) the run
     * compares even without a --baseline-* option (the baseline's columns default to the candidate's names,
     * {@link org.losseval.app.PairedColumns#forBaselineFiles}), so the request holds the settings and the
     * columns given, possibly none.
     */
    BaselineRequest baseline(boolean baselineFiles) throws UsageException {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        if (pred != null) roles.put(Role.PRED, pred);
        if (logits != null) roles.put(Role.LOGITS, logits);
        if (probs != null) roles.put(Role.PROBS, probs);
        List<String> quantileColumns = quantiles == null ? List.of() : quantiles;
        List<IntervalColumns> intervalColumns = new ArrayList<>();
        for (String text : intervals == null ? List.<String>of() : intervals) {
            IntervalColumns interval = ColumnSpecs.interval(text);
            if (interval.nominal() != null) {
                throw new UsageException("--baseline-interval '" + text + "': the nominal coverage is the paired "
                        + "--interval's; give LOWER:UPPER");
            }
            intervalColumns.add(interval);
        }
        if (!baselineFiles && roles.isEmpty() && quantileColumns.isEmpty() && intervalColumns.isEmpty()) {
            String setting = settingGiven();
            if (setting != null) {
                throw new UsageException(setting + " needs a baseline: --baseline-pred, --baseline-logits, "
                        + "--baseline-probs, --baseline-quantile or --baseline-interval");
            }
            return null;
        }
        try {
            return new BaselineRequest(roles, quantileColumns, intervalColumns, confidence, margin, seed, replicates,
                    shares);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }

    /** The first comparison setting given without a baseline, or null. */
    private String settingGiven() {
        if (confidence != BaselineRequest.DEFAULT_CONFIDENCE) return "--confidence";
        if (margin != null) return "--margin";
        if (seed != BaselineRequest.DEFAULT_SEED) return "--seed";
        if (replicates != BaselineRequest.DEFAULT_REPLICATES) return "--replicates";
        if (shares) return "--compare-shares";
        return null;
    }
}
