package org.losseval.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.losseval.loss.Role;
import java.util.List;
import java.util.concurrent.Callable;
import org.losseval.format.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code losseval eval}: the options of an evaluation. Parsing only collects them; {@link EvalRun} acts. */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Evaluates losses of predictions against targets over one or more CSV, TSV or Parquet files "
                    + "(evaluated together; each file's own figures are reported too).",
            "",
            "Loss specs are name[:key=value,...], e.g. huber:delta=15, pinball:q=0.9, huber:delta=mad. "
                    + "Give -l once per loss, or a comma list: -l mse,huber:delta=2,mae (a token with '=' "
                    + "belongs to the loss before it). 'losseval losses' lists every loss and its parameters.",
            "",
            "Row numbers in messages count data rows from 1 (a CSV header is not a row)."
        })
final class EvalCommand implements Callable<Integer> {
    private final CliContext context;

    EvalCommand(CliContext context) { this.context = context; }

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Input files: CSV or TSV (optionally .gz) with a header row, or Parquet. '-' reads stdin.")
    List<String> inputs;

    @Option(names = {"-p", "--pred"}, paramLabel = "COL", description = "The prediction column.")
    String pred;

    @Option(names = {"-t", "--target"}, paramLabel = "COL", description = "The target column.")
    String target;

    @Option(names = "--logits", paramLabel = "COLS",
            description = "Logits: one column for binary losses (bce, focal), one per class otherwise (ce, kl, "
                    + "focal_multiclass, multi_margin, distillation). COLS is a comma list, a range (l0..l9), a glob "
                    + "(logit_*), a Parquet list column, or a mix.")
    String logits;

    @Option(names = "--probs", paramLabel = "COLS", description = "Class probabilities, one column per class (ce, kl).")
    String probs;

    @Option(names = "--target-probs", paramLabel = "COLS",
            description = "A target distribution, one column per class: dense or soft targets for ce, the target of kl.")
    String targetProbs;

    @Option(names = "--teacher-logits", paramLabel = "COLS", description = "A teacher's logits, for distillation.")
    String teacherLogits;

    @Option(names = "--anchor", paramLabel = "COLS", description = "Anchor embeddings, for triplet.")
    String anchor;

    @Option(names = "--positive", paramLabel = "COLS", description = "Positive embeddings, for triplet.")
    String positive;

    @Option(names = "--negative", paramLabel = "COLS", description = "Negative embeddings, for triplet.")
    String negative;

    @Option(names = "--x1", paramLabel = "COLS", description = "First embeddings of a pair, for contrastive.")
    String x1;

    @Option(names = "--x2", paramLabel = "COLS", description = "Second embeddings of a pair, for contrastive.")
    String x2;

    @Option(names = "--distance", paramLabel = "COL", description = "Distances of pairs, for contrastive.")
    String distance;

    @Option(names = "--sim-pos", paramLabel = "COL", description = "Similarity to the positive, for infonce.")
    String simPos;

    @Option(names = "--sim-neg", paramLabel = "COLS", description = "Similarities to the negatives, for infonce.")
    String simNeg;

    @Option(names = {"-w", "--weight"}, paramLabel = "COL",
            description = "A sample-weight column: every loss becomes the weighted mean sum(w*l)/sum(w) "
                    + "(scikit-learn's sample_weight). Negative weights are invalid values.")
    String weight;

    @Option(names = {"-l", "--loss"}, paramLabel = "SPEC",
            description = "A loss to evaluate (repeatable, or a comma list). Default: mse, rmse, mae.")
    List<String> losses;

    @Option(names = "--quantile", paramLabel = "COL@Q",
            description = "A quantile prediction column and its level (repeatable), e.g. p90@0.9: reports the pinball "
                    + "loss at Q and the calibration (the observed fraction of targets below the prediction).")
    List<String> quantiles;

    @Option(names = "--interval", paramLabel = "LOWER:UPPER[@NOMINAL]",
            description = "A prediction interval (repeatable), e.g. p10:p90@0.8: coverage (lower <= target <= upper), "
                    + "fractions below and above, mean width, interval (Winkler) score, a 95%% Clopper-Pearson interval "
                    + "for the coverage and the binomial p-value against NOMINAL. NOMINAL defaults to the difference "
                    + "of the bounds' --quantile levels. A crossed interval is an invalid value.")
    List<String> intervals;

    @Option(names = "--fail-if", paramLabel = "EXPR",
            description = "A CI gate (repeatable): FIGURE OP NUMBER with OP one of < <= > >=, e.g. 'mse > 200', "
                    + "'share_top1[mse] > 0.5', 'coverage[p10:p90] < 0.75'. The run exits with code 1 when any gate's "
                    + "comparison holds, or its figure is missing or not finite. See FIGURES in the man page.")
    List<String> gates;

    @Option(names = "--no-contrib",
            description = "Do not compute the outlier contribution figures (shares of the loss held by the worst "
                    + "rows, worst rows, robust outliers).")
    boolean noContrib;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5",
            description = "Report the share of each loss held by the worst K rows. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--top-fraction", paramLabel = "F", split = ",", defaultValue = "0.01,0.05",
            description = "Report the share held by the worst fraction F of rows (repeatable or a comma list). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<Double> topFractions;

    @Option(names = "--worst", paramLabel = "N", defaultValue = "5",
            description = "List the N worst rows of each loss (ties go to the earlier row). Default: ${DEFAULT-VALUE}.")
    int worst;

    @Option(names = "--outlier-factor", paramLabel = "X", defaultValue = "3",
            description = "A row is a robust outlier when |r - median(r)| > X * 1.4826 * MAD of the residuals. "
                    + "Default: ${DEFAULT-VALUE}.")
    double outlierFactor;

    @Option(names = "--exact-budget", paramLabel = "MIB", defaultValue = "256",
            description = "Memory for exact contribution figures: 8 bytes per row, plus 8 per loss (16 bytes a row "
                    + "with one loss, so 256 MiB keeps 16.7 million rows exact). Beyond it, top-fraction shares and "
                    + "outlier figures become brackets within 0.4%% (the report says which). Default: ${DEFAULT-VALUE}.")
    long exactBudgetMib;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = OutputFormatConverter.class,
            description = "Output format: table, json, csv, markdown or junit (one test case per gate). "
                    + "Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the results to FILE instead of stdout.")
    Path output;

    @Option(names = "--precision", paramLabel = "N",
            description = "Significant digits in table, markdown and csv output (1-17). "
                    + "Default: 6 for table and markdown, exact for csv; json is always exact.")
    Integer precision;

    @Option(names = "--skip-invalid",
            description = "Skip rows with an invalid value (empty, unparsable, NaN, infinite, negative weight, "
                    + "outside a loss's domain) and count them per reason, instead of failing with exit code 3.")
    boolean skipInvalid;

    @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR",
            description = "CSV field delimiter: one character, or 'tab'. Default: tab for .tsv files, else comma.")
    String delimiter;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads: 1 reads and computes on one thread; 2 (the default on a machine with two or more "
                    + "cores) also reads ahead on a second one. The results are the same bits whatever N.")
    Integer threads;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    /** The roles given, each with its column or group spec as typed. */
    Map<Role, String> roles() {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        String[] values = {pred, target, logits, probs, targetProbs, teacherLogits, anchor, positive, negative, x1, x2,
                distance, simPos, simNeg};
        Role[] order = {Role.PRED, Role.TARGET, Role.LOGITS, Role.PROBS, Role.TARGET_PROBS, Role.TEACHER_LOGITS,
                Role.ANCHOR, Role.POSITIVE, Role.NEGATIVE, Role.X1, Role.X2, Role.DISTANCE, Role.SIM_POS, Role.SIM_NEG};
        for (int i = 0; i < order.length; i++) {
            if (values[i] != null) roles.put(order[i], values[i]);
        }
        return roles;
    }

    @Override
    public Integer call() {
        return new EvalRun(context).execute(this);
    }
}
