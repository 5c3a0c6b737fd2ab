package org.losseval.cli;

import java.util.ArrayList;
import java.util.List;
import org.losseval.app.IntervalColumns;
import org.losseval.app.QuantileColumn;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossRequest;
import org.losseval.loss.LossSpecException;
import org.losseval.loss.LossSpecs;
import picocli.CommandLine.Model.OptionSpec;

/** What is evaluated: {@code -l} losses, {@code --quantile} columns and {@code --interval} pairs. */
final class LossOptions {
    static final String HEADING = "%nLosses, quantiles and intervals:%n";
    /** The losses of a run that names none (and no --quantile or --interval either). */
    static final String DEFAULT_LOSSES = "mse,rmse,mae";

    final OptionValue<List<String>> losses = new OptionValue<>(null);
    final OptionValue<List<String>> quantiles = new OptionValue<>(null);
    final OptionValue<List<String>> intervals = new OptionValue<>(null);

    /**
     * The figures of two or more quantile columns together, worded once for the --quantile help (and so the man
     * page) and for {@code losseval losses}, which lists them after the losses since -l cannot name them.
     */
    static final String CRPS = "crps: 2 x the mean pinball loss over the levels (the quantile-score approximation of "
            + "the CRPS)";
    static final String CROSSINGS = "quantile_crossings, quantile_crossing_share: the rows where a lower level is "
            + "predicted above a higher one, and their share";

    /** The options, in the order of the help. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(List.class, losses, "-l", "--loss")
                        .auxiliaryTypes(String.class).paramLabel("SPEC")
                        .description("A loss to evaluate (repeatable, or a comma list). Default: " + DEFAULT_LOSSES
                                + ", unless only --quantile or --interval columns are given.")
                        .build(),
                ArgBinding.option(List.class, quantiles, "--quantile")
                        .auxiliaryTypes(String.class).paramLabel("COL@Q")
                        .description("A quantile prediction column and its level (repeatable), e.g. p90@0.9: reports the "
                                + "pinball loss at Q and the calibration (the observed fraction of targets below the "
                                + "prediction). With two or more, also " + CRPS + "; and " + CROSSINGS + ".")
                        .build(),
                ArgBinding.option(List.class, intervals, "--interval")
                        .auxiliaryTypes(String.class).paramLabel("LOWER:UPPER[@NOMINAL]")
                        .description("A prediction interval (repeatable), e.g. p10:p90@0.8: coverage (lower <= target <= "
                                + "upper), fractions below and above, mean width, interval (Winkler) score, a 95%% "
                                + "Clopper-Pearson interval for the coverage and the binomial p-value against NOMINAL. "
                                + "NOMINAL defaults to the difference of the bounds' --quantile levels. A crossed interval "
                                + "is an invalid value.")
                        .build());
    }

    /** The losses given, else the defaults, unless the run evaluates only quantile or interval columns. */
    List<LossRequest> losses() throws LossSpecException {
        boolean onlyColumns = given(quantiles.value()) || given(intervals.value());
        List<String> specs = given(losses.value()) ? losses.value() : onlyColumns ? List.of() : List.of(DEFAULT_LOSSES);
        return LossSpecs.parse(specs, LossRegistry.builtIn());
    }

    List<QuantileColumn> quantiles() throws UsageException {
        List<QuantileColumn> columns = new ArrayList<>();
        for (String text : given(quantiles.value()) ? quantiles.value() : List.<String>of()) {
            columns.add(ColumnSpecs.quantile(text));
        }
        return columns;
    }

    List<IntervalColumns> intervals() throws UsageException {
        List<IntervalColumns> columns = new ArrayList<>();
        for (String text : given(intervals.value()) ? intervals.value() : List.<String>of()) {
            columns.add(ColumnSpecs.interval(text));
        }
        return columns;
    }

    private static boolean given(List<String> values) {
        return values != null && !values.isEmpty();
    }
}
