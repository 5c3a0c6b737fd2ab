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

    final OptionValue<String> pred = new OptionValue<>(null);
    final OptionValue<String> logits = new OptionValue<>(null);
    final OptionValue<String> probs = new OptionValue<>(null);
    final OptionValue<List<String>> quantiles = new OptionValue<>(null);
    final OptionValue<List<String>> intervals = new OptionValue<>(null);
    final OptionValue<Double> confidence = new OptionValue<>(BaselineRequest.DEFAULT_CONFIDENCE);
    final OptionValue<Double> margin = new OptionValue<>(null);
    final OptionValue<Long> seed = new OptionValue<>(BaselineRequest.DEFAULT_SEED);
    final OptionValue<Integer> replicates = new OptionValue<>(BaselineRequest.DEFAULT_REPLICATES);
    final OptionValue<Boolean> shares = new OptionValue<>(false);

    /** The options, in the order of the help. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(String.class, pred, "--baseline-pred")
                        .paramLabel("COL")
                        .description("The baseline's prediction column: every figure is computed for --pred and for this "
                                + "column on the same rows (a row invalid for either is skipped for both), and the report "
                                + "compares them: baseline, candidate, delta = candidate - baseline, relative delta, its "
                                + "confidence interval and p-value, win rate and a verdict.")
                        .build(),
                ArgBinding.option(String.class, logits, "--baseline-logits")
                        .paramLabel("COLS")
                        .description("The baseline's logits, in the forms of --logits (a comma list, a range, a glob, a "
                                + "Parquet list column).")
                        .build(),
                ArgBinding.option(String.class, probs, "--baseline-probs")
                        .paramLabel("COLS")
                        .description("The baseline's class probabilities, in the forms of --probs.")
                        .build(),
                ArgBinding.option(List.class, quantiles, "--baseline-quantile")
                        .auxiliaryTypes(String.class).paramLabel("COL")
                        .description("The baseline's quantile column (repeatable), paired in order with the --quantile "
                                + "columns, at the same level.")
                        .build(),
                ArgBinding.option(List.class, intervals, "--baseline-interval")
                        .auxiliaryTypes(String.class).paramLabel("LOWER:UPPER")
                        .description("The baseline's prediction interval (repeatable), paired in order with the --interval "
                                + "columns, at the same nominal coverage.")
                        .build(),
                ArgBinding.option(double.class, confidence, "--confidence")
                        .paramLabel("LEVEL")
                        .description("The level of the confidence intervals of delta, and with --group-by of the groups' "
                                + "intervals too (default: ${DEFAULT-VALUE}).")
                        .build(),
                ArgBinding.option(Double.class, margin, "--margin")
                        .paramLabel("X")
                        .description("A non-inferiority margin in the figure's units: the candidate is non-inferior when "
                                + "the interval's upper end of delta is below X (for r2 and explained_variance, where "
                                + "larger is better: its lower end above -X).")
                        .build(),
                ArgBinding.option(long.class, seed, "--seed")
                        .paramLabel("N")
                        .description("The seed of the bootstrap (rmse, r2, explained_variance, max_error): with the same "
                                + "seed the figures are the same bits on any thread count (default: ${DEFAULT-VALUE}).")
                        .build(),
                ArgBinding.option(int.class, replicates, "--replicates")
                        .paramLabel("B")
                        .description("Bootstrap replicates (default: ${DEFAULT-VALUE}); the bootstrap's time grows with "
                                + "B times the rows.")
                        .build(),
                ArgBinding.option(boolean.class, shares, "--compare-shares")
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
        if (pred.value() != null) roles.put(Role.PRED, pred.value());
        if (logits.value() != null) roles.put(Role.LOGITS, logits.value());
        if (probs.value() != null) roles.put(Role.PROBS, probs.value());
        List<String> quantileColumns = quantiles.value() == null ? List.of() : quantiles.value();
        List<IntervalColumns> intervalColumns = new ArrayList<>();
        for (String text : intervals.value() == null ? List.<String>of() : intervals.value()) {
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
            return new BaselineRequest(roles, quantileColumns, intervalColumns, confidence.value(), margin.value(),
                    seed.value(), replicates.value(), shares.value());
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }

    /** The first comparison setting given without a baseline, or null. */
    private String settingGiven() {
        if (confidence.value() != BaselineRequest.DEFAULT_CONFIDENCE) return "--confidence";
        if (margin.value() != null) return "--margin";
        if (seed.value() != BaselineRequest.DEFAULT_SEED) return "--seed";
        if (replicates.value() != BaselineRequest.DEFAULT_REPLICATES) return "--replicates";
        if (shares.value()) return "--compare-shares";
        return null;
    }
}
