package org.losseval.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.app.BaselineRequest;
import org.losseval.app.IntervalColumns;
import org.losseval.loss.Role;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The comparison with a baseline: the baseline's columns in the same rows (--baseline-pred and its
 * siblings) and the settings of the comparison's intervals.
 */
final class CompareOptions {
    static final String HEADING = "%nComparison with a baseline (in the same rows):%n";

    String pred;
    String logits;
    String probs;
    List<String> quantiles;
    List<String> intervals;
    double confidence = BaselineRequest.DEFAULT_CONFIDENCE;
    Double margin;
    long seed = BaselineRequest.DEFAULT_SEED;
    int replicates = BaselineRequest.DEFAULT_REPLICATES;
    boolean shares;

    /** The options, in the order of the help. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(this, String.class, () -> pred, v -> pred = v, "--baseline-pred")
                        .paramLabel("COL")
                        .description("The baseline's prediction column: every figure is computed for --pred and for this "
                                + "column on the same rows (a row invalid for either is skipped for both), and the report "
                                + "compares them: baseline, candidate, delta = candidate - baseline, relative delta, its "
                                + "confidence interval and p-value, win rate and a verdict.")
                        .build(),
                ArgBinding.option(this, String.class, () -> logits, v -> logits = v, "--baseline-logits")
                        .paramLabel("COLS")
                        .description("The baseline's logits, in the forms of --logits (a comma list, a range, a glob, a "
                                + "Parquet list column).")
                        .build(),
                ArgBinding.option(this, String.class, () -> probs, v -> probs = v, "--baseline-probs")
                        .paramLabel("COLS")
                        .description("The baseline's class probabilities, in the forms of --probs.")
                        .build(),
                ArgBinding.option(this, List.class, () -> quantiles, v -> quantiles = v, "--baseline-quantile")
                        .auxiliaryTypes(String.class).paramLabel("COL")
                        .description("The baseline's quantile column (repeatable), paired in order with the --quantile "
                                + "columns, at the same level.")
                        .build(),
                ArgBinding.option(this, List.class, () -> intervals, v -> intervals = v, "--baseline-interval")
                        .auxiliaryTypes(String.class).paramLabel("LOWER:UPPER")
                        .description("The baseline's prediction interval (repeatable), paired in order with the --interval "
                                + "columns, at the same nominal coverage.")
                        .build(),
                ArgBinding.option(this, double.class, () -> confidence, v -> confidence = v, "--confidence")
                        .paramLabel("LEVEL")
                        .description("The level of the confidence intervals of delta, and with --group-by of the groups' "
                                + "intervals too (default: ${DEFAULT-VALUE}).")
                        .build(),
                ArgBinding.option(this, Double.class, () -> margin, v -> margin = v, "--margin")
                        .paramLabel("X")
                        .description("A non-inferiority margin in the figure's units: the candidate is non-inferior when "
                                + "the interval's upper end of delta is below X (for r2 and explained_variance, where "
                                + "larger is better: its lower end above -X).")
                        .build(),
                ArgBinding.option(this, long.class, () -> seed, v -> seed = v, "--seed")
                        .paramLabel("N")
                        .description("The seed of the bootstrap (rmse, r2, explained_variance, max_error): with the same "
                                + "seed the figures are the same bits on any thread count (default: ${DEFAULT-VALUE}).")
                        .build(),
                ArgBinding.option(this, int.class, () -> replicates, v -> replicates = v, "--replicates")
                        .paramLabel("B")
                        .description("Bootstrap replicates (default: ${DEFAULT-VALUE}); the bootstrap's time grows with "
                                + "B times the rows.")
                        .build(),
                ArgBinding.option(this, boolean.class, () -> shares, v -> shares = v, "--compare-shares")
                        .description("Also compare the loss shares (share_top1, share_topK and each --top-fraction share, "
                                + "per loss) with a bootstrap interval of delta within the --exact-budget. It holds the "
                                + "baseline's contribution figures and the rows' shares as well, so it costs about as much "
                                + "again as the rest of the comparison, and memory up to two more budgets.")
                        .build());
    }

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
