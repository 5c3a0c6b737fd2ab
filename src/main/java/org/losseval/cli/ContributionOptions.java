package org.losseval.cli;

import java.util.List;
import org.losseval.accumulate.ContributionSettings;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The contribution figures: how much of each loss its worst rows hold. The values are checked once, by
 * {@link ContributionSettings}, whose messages name these options.
 */
final class ContributionOptions {
    static final String HEADING = "%nContribution figures:%n";

    final OptionValue<Boolean> noContrib = new OptionValue<>(false);
    final OptionValue<Integer> top = new OptionValue<>(0);
    final OptionValue<List<Double>> topFractions = new OptionValue<>(null);
    final OptionValue<Integer> worst = new OptionValue<>(0);
    final OptionValue<Double> outlierFactor = new OptionValue<>(0.0);
    final OptionValue<Long> exactBudgetMib = new OptionValue<>(0L);

    /** The options, in the order of the help. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(boolean.class, noContrib, "--no-contrib")
                        .description("Do not compute the outlier contribution figures (shares of the loss held by the "
                                + "worst rows, worst rows, robust outliers).")
                        .build(),
                ArgBinding.option(int.class, top, "--top")
                        .paramLabel("K").defaultValue("5")
                        .description("Report the share of each loss held by the worst K rows (at most 100000; "
                                + "--top-fraction covers larger sets). Default: ${DEFAULT-VALUE}.")
                        .build(),
                ArgBinding.option(List.class, topFractions, "--top-fraction")
                        .auxiliaryTypes(Double.class).paramLabel("F").splitRegex(",").defaultValue("0.01,0.05")
                        .description("Report the share held by the worst fraction F of rows (repeatable or a comma "
                                + "list). Default: ${DEFAULT-VALUE}.")
                        .build(),
                ArgBinding.option(int.class, worst, "--worst")
                        .paramLabel("N").defaultValue("5")
                        .description("List the N worst rows of each loss (ties go to the earlier row; at most 100000). "
                                + "Default: ${DEFAULT-VALUE}.")
                        .build(),
                ArgBinding.option(double.class, outlierFactor, "--outlier-factor")
                        .paramLabel("X").defaultValue("3")
                        .description("A row is a robust outlier when |r - median(r)| > X * 1.4826 * MAD of the residuals. "
                                + "Default: ${DEFAULT-VALUE}.")
                        .build(),
                ArgBinding.option(long.class, exactBudgetMib, "--exact-budget")
                        .paramLabel("MIB").defaultValue("256")
                        .description("Memory for exact contribution figures: 8 bytes per row, plus 8 per loss (16 bytes "
                                + "a row with one loss, so 256 MiB keeps 16.7 million rows exact). Beyond it, top-fraction "
                                + "shares and outlier figures become brackets within 0.4%% (the report says which). The "
                                + "same budget, again, keeps medae exact (8 bytes a row, 16 with --weight; also with "
                                + "--no-contrib), and with a baseline the intervals of the shares' delta (8 bytes a row "
                                + "plus 16 per loss; the baseline's own shares take as much as the candidate's) and of "
                                + "medae's delta (24 bytes a row, 32 with --weight). At most a quarter of the Java heap is "
                                + "used, whatever is asked (-Xmx1g or more keeps the default). Default: ${DEFAULT-VALUE}.")
                        .build());
    }

    /**
     * The --exact-budget in bytes, with or without --no-contrib: it also keeps medae exact, so --no-contrib
     * must not drop it (it did: medae then had the default budget whatever was asked).
     */
    long exactBudgetBytes() throws UsageException {
        try {
            return ContributionSettings.budgetBytes(exactBudgetMib.value());
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }

    /** The settings, or null with --no-contrib. */
    ContributionSettings settings() throws UsageException {
        if (noContrib.value()) return null;
        try {
            return new ContributionSettings(top.value(), topFractions.value(), worst.value(), outlierFactor.value(),
                    ContributionSettings.budgetBytes(exactBudgetMib.value()));
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }
}
