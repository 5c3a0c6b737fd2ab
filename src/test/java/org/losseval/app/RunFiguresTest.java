package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.gate.Gate;
import org.losseval.gate.GateExpression;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossSpecs;
import org.losseval.loss.Role;
import org.losseval.report.Report;
import org.losseval.report.ReportFigures;

/**
 * The figure names a request is predicted to produce ({@link RunFigures#names}, which gates are checked
 * against before any data is read) are exactly the names of the finished report's figures
 * ({@link ReportFigures#of}, which gates, CSV and JUnit read): for every example of
 * {@code docs/examples/commands.txt} and for the requests below, which add what the examples lack
 * (labels, one that collides with a figure name, --no-contrib, only deferred losses, classification and
 * embedding inputs, other --top and --top-fraction values, only quantiles and intervals, a comparison with a
 * baseline of regression and of classification columns).
 *
 * <p>The requests are built from the command lines by {@link #request}, which knows only the options
 * these lines use (picocli and the real option parsing belong to the cli package); an example with a new
 * option fails here until the parser learns it.
 */
class RunFiguresTest {
    private static final Path EXAMPLES = Path.of("docs/examples/commands.txt");

    private static final List<String> MORE = List.of(
            "labels examples/houses.csv -p pred -t target -l a=mse -l b=huber:delta=15.0 --top 2 --top-fraction 0.07,1",
            "label-named-outliers examples/houses.csv -p pred -t target -l outliers=mae,mse",
            "no-contrib examples/sensors.csv -p pred -t target -l mse,huber:delta=mad --no-contrib",
            "only-deferred examples/sensors.csv -p pred -t target -l huber:delta=mad",
            "deferred-and-streamed examples/sensors.csv -p pred -t target -l huber:delta=mad,mae --quantile p90@0.9",
            "classes examples/leaves.csv --logits l0..l4 -t label -l ce:weight=[1,2,1,1,0.5] -l kl --target-probs t0..t4",
            "embeddings examples/leaves.csv --sim-pos l0 --sim-neg l1..l4 -l infonce --top 1 --worst 0",
            "only-intervals examples/sensors.csv -t target --interval p10:p90@0.8 --interval p50:p90@0.4",
            "budget-zero examples/sensors.csv examples/sensors.parquet -p pred -t target -l mse -w w --exact-budget 0",
            "compared examples/sensors.csv -p pred -t target --baseline-pred p10 -l mse,rmse,r2,huber:delta=2 -w w "
                    + "--quantile p90@0.9 --baseline-quantile p50 --interval p10:p90@0.8 --baseline-interval p50:p90 "
                    + "--replicates 20 --fail-if delta_ci_low[mse]>0",
            "compared-classes examples/leaves.csv --logits l0..l4 --baseline-logits t0..t4 -t label -l ce,ece --no-contrib",
            "groups-weighted examples/sensors.parquet -p pred -t target -l mse,huber:delta=mad,r2 -w w --group-by sensor"
                    + " --group-by file --no-contrib",
            "compared-groups examples/sensors.csv -p pred -t target --baseline-pred baseline -l mse,medae --group-by sensor --replicates 20");

    @TestFactory
    Stream<DynamicTest> predictedNamesAreTheReportedOnes() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(EXAMPLES, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) lines.add(line.trim());
        }
        assertTrue(lines.size() >= 10, EXAMPLES + " lists " + lines.size() + " examples");
        lines.addAll(MORE);
        return lines.stream().map(line -> {
            String[] words = line.split("\\s+");
            return DynamicTest.dynamicTest(words[0], () -> {
                EvalRequest request = request(Arrays.asList(words).subList(1, words.length));
                Report report = new Evaluator(InputStream.nullInputStream(), "test").evaluate(request);
                // The figures of single groups are named by the data (group[mse@sensor=s03]): not predicted.
                TreeSet<String> reported = new TreeSet<>(ReportFigures.of(report).keySet());
                reported.removeIf(RunFigures::isGroupFigure);
                assertEquals(new TreeSet<>(RunFigures.names(request)), reported, line);
            });
        });
    }

    /** The request of {@code losseval eval ARGS}, for the options the lines above use. */
    private static EvalRequest request(List<String> args) throws Exception {
        List<String> inputs = new ArrayList<>();
        Map<Role, String> roles = new EnumMap<>(Role.class);
        String weight = null;
        List<String> losses = new ArrayList<>();
        List<QuantileColumn> quantiles = new ArrayList<>();
        List<IntervalColumns> intervals = new ArrayList<>();
        List<Gate> gates = new ArrayList<>();
        ContributionSettings defaults = ContributionSettings.defaults();
        int top = defaults.topK();
        List<Double> fractions = defaults.topFractions();
        int worst = defaults.worstRows();
        long budget = defaults.exactBudgetBytes();
        boolean contributions = true;
        Map<Role, String> baselineRoles = new EnumMap<>(Role.class);
        List<String> baselineQuantiles = new ArrayList<>();
        List<IntervalColumns> baselineIntervals = new ArrayList<>();
        int replicates = BaselineRequest.DEFAULT_REPLICATES;
        List<String> groupBy = new ArrayList<>();
        long minGroupRows = GroupingRequest.DEFAULT_MIN_ROWS;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.startsWith("-")) {
                inputs.add(option);
                continue;
            }
            if (option.equals("--no-contrib")) {
                contributions = false;
                continue;
            }
            String value = args.get(++i);
            switch (option) {
                case "-p" -> roles.put(Role.PRED, value);
                case "-t" -> roles.put(Role.TARGET, value);
                case "-w", "--weight" -> weight = value;
                case "-l", "--loss" -> losses.add(value);
                case "--quantile" -> {
                    String[] parts = value.split("@");
                    quantiles.add(new QuantileColumn(parts[0], Double.parseDouble(parts[1])));
                }
                case "--interval" -> {
                    String[] parts = value.split("@");
                    String[] bounds = parts[0].split(":");
                    intervals.add(new IntervalColumns(bounds[0], bounds[1], parts.length > 1 ? Double.valueOf(parts[1]) : null));
                }
                case "--fail-if" -> gates.add(GateExpression.parse(value));
                case "--top" -> top = Integer.parseInt(value);
                case "--top-fraction" -> fractions = Arrays.stream(value.split(",")).map(Double::valueOf).toList();
                case "--worst" -> worst = Integer.parseInt(value);
                case "--exact-budget" -> budget = Long.parseLong(value) << 20;
                case "--baseline-pred" -> baselineRoles.put(Role.PRED, value);
                case "--baseline-logits" -> baselineRoles.put(Role.LOGITS, value);
                case "--baseline-quantile" -> baselineQuantiles.add(value);
                case "--baseline-interval" -> {
                    String[] bounds = value.split(":");
                    baselineIntervals.add(new IntervalColumns(bounds[0], bounds[1], null));
                }
                case "--replicates" -> replicates = Integer.parseInt(value);
                case "--group-by" -> groupBy.add(value);
                case "--min-group-rows" -> minGroupRows = Long.parseLong(value);
                default -> roles.put(Arrays.stream(Role.values()).filter(r -> r.option().equals(option)).findFirst()
                        .orElseThrow(() -> new AssertionError("RunFiguresTest does not know option " + option)), value);
            }
        }
        ContributionSettings settings = contributions
                ? new ContributionSettings(top, fractions, worst, defaults.outlierFactor(), budget) : null;
        BaselineRequest baseline = baselineRoles.isEmpty() && baselineQuantiles.isEmpty() ? null
                : new BaselineRequest(baselineRoles, baselineQuantiles, baselineIntervals, BaselineRequest.DEFAULT_CONFIDENCE,
                        null, BaselineRequest.DEFAULT_SEED, replicates);
        GroupingRequest grouping = groupBy.isEmpty() ? null
                : new GroupingRequest(groupBy, minGroupRows, GroupingRequest.DEFAULT_MAX_GROUPS);
        return new EvalRequest(inputs, roles, weight, LossSpecs.parse(losses, LossRegistry.builtIn()), quantiles, intervals,
                settings, gates, InvalidPolicy.FAIL, null, 1, baseline, null, grouping, null);
    }
}
