package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.app.EvalRequest;
import org.losseval.app.IntervalColumns;
import org.losseval.app.InvalidPolicy;
import org.losseval.app.QuantileColumn;
import org.losseval.format.CsvPrinter;
import org.losseval.format.JsonPrinter;
import org.losseval.format.OutputFormat;
import org.losseval.format.TablePrinter;
import org.losseval.gate.Gate;
import org.losseval.loss.LossRequest;
import org.losseval.loss.Role;
import org.losseval.report.Comparison;

/**
 * The options of {@code losseval eval}, parsed by the real command line and converted into the plain request,
 * without reading any data: every option family, the defaults, comma lists, the role table, and the exact
 * message of each value refused. (EvalCommandTest and the others run the same options end to end.)
 */
class EvalOptionsTest {

    private static EvalJob parse(String... args) throws Exception {
        return ParsedEval.of(args);
    }

    private static EvalRequest request(String... args) throws Exception {
        return parse(args).request();
    }

    private static List<String> specs(EvalRequest request) {
        return request.losses().stream().map(l -> (l.label() == null ? "" : l.label() + "=") + l.loss().spec()).toList();
    }

    @Test
    void defaults() throws Exception {
        EvalJob job = parse("a.csv");
        EvalRequest request = job.request();
        assertEquals(List.of("a.csv"), request.inputs());
        assertEquals(Map.of(), request.roles());
        assertNull(request.weightColumn());
        assertEquals(List.of("mse", "rmse", "mae"), specs(request));
        assertEquals(List.of(), request.quantiles());
        assertEquals(List.of(), request.intervals());
        assertEquals(ContributionSettings.defaults(), request.contributions(),
                "--top 5, --top-fraction 0.01,0.05, --worst 5, --outlier-factor 3, --exact-budget 256");
        assertEquals(List.of(), request.gates());
        assertEquals(InvalidPolicy.FAIL, request.policy());
        assertNull(request.delimiter(), "chosen by file name");
        assertEquals(EvalRequest.defaultThreads(), request.threads());
        assertEquals(OutputFormat.TABLE, job.output().format());
        assertNull(job.output().precision());
        assertNull(job.output().file(), "stdout");
        assertInstanceOf(TablePrinter.class, job.output().printer());
    }

    @Test
    void everyRoleOptionNameSetsItsRoleAndNothingElse() throws Exception {
        for (Role role : Role.values()) {
            for (String name : role.optionNames()) {
                EvalRequest request = request("a.csv", name, "col_" + role.reportName());
                assertEquals(Map.of(role, "col_" + role.reportName()), request.roles(), name);
            }
        }
        assertEquals(List.of("-p", "--pred"), Role.PRED.optionNames());
        assertEquals(List.of("-t", "--target"), Role.TARGET.optionNames());
    }

    @Test
    void allRolesAtOnceAndTheWeight() throws Exception {
        List<String> args = new ArrayList<>(List.of("a.csv", "-w", "w"));
        Map<Role, String> expected = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            args.add(role.option() + "=" + role.reportName() + "_0..2");
            expected.put(role, role.reportName() + "_0..2");
        }
        EvalRequest request = request(args.toArray(String[]::new));
        assertEquals(expected, request.roles());
        assertEquals("w", request.weightColumn());
        assertEquals("w", request("a.csv", "--weight", "w").weightColumn());
    }

    @Test
    void inputs() throws Exception {
        assertEquals(List.of("a.csv", "-", "b.parquet"), request("a.csv", "-", "b.parquet").inputs());
        assertEquals(';', request("a.csv", "-d", ";").delimiter());
        assertEquals('\t', request("a.csv", "--delimiter", "tab").delimiter());
        assertEquals('\t', request("a.csv", "--delimiter", "TAB").delimiter());
        assertEquals('\t', request("a.csv", "-d", "\\t").delimiter());
        assertEquals(InvalidPolicy.SKIP, request("a.csv", "--skip-invalid").policy());
        assertEquals(3, request("a.csv", "--threads", "3").threads());
    }

    @Test
    void lossesQuantilesAndIntervals() throws Exception {
        assertEquals(List.of("mse", "huber:delta=2", "mae"), specs(request("a.csv", "-l", "mse,huber:delta=2,mae")));
        assertEquals(List.of("mse", "pinball:q=0.9", "robust=huber:delta=15"),
                specs(request("a.csv", "-l", "mse", "--loss", "pinball:q=0.9", "-l", "robust=huber:delta=15")));
        EvalRequest columnsOnly = request("a.csv", "--quantile", "p10@0.1", "--quantile", "p90@0.9", "--interval", "p10:p90");
        assertEquals(List.of(), specs(columnsOnly), "no default losses beside quantile or interval columns");
        assertEquals(List.of(new QuantileColumn("p10", 0.1), new QuantileColumn("p90", 0.9)), columnsOnly.quantiles());
        assertEquals(List.of(new IntervalColumns("p10", "p90", null)), columnsOnly.intervals());
        assertEquals(List.of(new IntervalColumns("lo", "hi", 0.8)), request("a.csv", "--interval", "lo:hi@0.8").intervals());
        assertEquals(List.of(), specs(request("a.csv", "--interval", "lo:hi@0.8")));
        assertEquals(List.of("mae"), specs(request("a.csv", "-l", "mae", "--quantile", "p90@0.9")));
        List<LossRequest> labelled = request("a.csv", "-l", "robust=huber:delta=15").losses();
        assertEquals("robust", labelled.get(0).label());
    }

    @Test
    void contributionFigures() throws Exception {
        EvalRequest request = request("a.csv", "--top", "7", "--top-fraction", "0.1,0.2", "--top-fraction", "0.5",
                "--worst", "0", "--outlier-factor", "2.5", "--exact-budget", "0");
        assertEquals(new ContributionSettings(7, List.of(0.1, 0.2, 0.5), 0, 2.5, 0), request.contributions());
        assertEquals(1L << 30, request("a.csv", "--exact-budget", "1024").contributions().exactBudgetBytes());
        assertNull(request("a.csv", "--no-contrib").contributions());
        assertNull(request("a.csv", "--no-contrib", "--top", "9").contributions(), "--no-contrib wins");
    }

    @Test
    void gates() throws Exception {
        assertEquals(List.of(new Gate("mse", Comparison.GREATER, 200), new Gate("share_top1[mse]", Comparison.LESS_OR_EQUAL, 0.5)),
                request("a.csv", "--fail-if", "mse > 200", "--fail-if", "share_top1[mse] <= 0.5").gates());
    }

    @Test
    void output() throws Exception {
        EvalJob job = parse("a.csv", "--format", "JSON", "-o", "r.json", "--precision", "3");
        assertEquals(OutputFormat.JSON, job.output().format());
        assertEquals(3, job.output().precision());
        assertEquals(Path.of("r.json"), job.output().file());
        assertInstanceOf(JsonPrinter.class, job.output().printer());
        assertInstanceOf(CsvPrinter.class, parse("a.csv", "--format", "csv", "--output", "r.csv").output().printer());
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                Arguments.of(List.of("--top", "0"), "--top must be at least 1, got 0"),
                Arguments.of(List.of("--worst", "-1"), "--worst must not be negative, got -1"),
                // issue 11 item 3: these ended in OutOfMemoryError (a heap sized by the number, not the data).
                Arguments.of(List.of("--top", "2147483647"),
                        "--top must be at most 100000, got 2147483647 (--top-fraction gives the share of a larger set of rows)"),
                Arguments.of(List.of("--top", "100001"),
                        "--top must be at most 100000, got 100001 (--top-fraction gives the share of a larger set of rows)"),
                Arguments.of(List.of("--worst", "2147483647"), "--worst must be at most 100000, got 2147483647"),
                Arguments.of(List.of("--top-fraction", "0.01,1.5"), "--top-fraction must be in (0, 1], got 1.5"),
                Arguments.of(List.of("--top-fraction", "0"), "--top-fraction must be in (0, 1], got 0"),
                Arguments.of(List.of("--outlier-factor", "0"), "--outlier-factor must be a finite positive number, got 0"),
                Arguments.of(List.of("--outlier-factor", "NaN"), "--outlier-factor must be a finite positive number, got NaN"),
                Arguments.of(List.of("--outlier-factor", "Infinity"), "--outlier-factor must be a finite positive number, got inf"),
                Arguments.of(List.of("--exact-budget", "-1"), "--exact-budget must be a number of MiB from 0 to 8796093022207, got -1"),
                Arguments.of(List.of("--exact-budget", "8796093022208"),
                        "--exact-budget must be a number of MiB from 0 to 8796093022207, got 8796093022208"),
                Arguments.of(List.of("--threads", "0"), "--threads must be at least 1, got 0"),
                Arguments.of(List.of("-d", "ab"), "--delimiter must be one character (not a quote or line break) or 'tab', got 'ab'"),
                Arguments.of(List.of("-d", "\""), "--delimiter must be one character (not a quote or line break) or 'tab', got '\"'"),
                Arguments.of(List.of("--precision", "0"), "--precision: significant digits must be between 1 and 17, got 0"),
                Arguments.of(List.of("--precision", "18", "--format", "json"),
                        "--precision: significant digits must be between 1 and 17, got 18"),
                Arguments.of(List.of("--quantile", "p90@1.5"), "--quantile 'p90@1.5': the quantile level must be in (0, 1), got 1.5"),
                Arguments.of(List.of("--fail-if", "mse"), "--fail-if 'mse': gate 'mse': no comparison (expected FIGURE OP "
                        + "NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')"),
                Arguments.of(List.of("-", "-"), "stdin ('-') can be read only once"));
    }

    /** Refused before any data is read: the input does not exist, yet the exit code is 2, not 3. */
    @ParameterizedTest
    @MethodSource("refusedValues")
    void aRefusedValueIsAUsageErrorWithOneExactLine(List<String> options, String message) {
        List<String> argv = new ArrayList<>(List.of("eval", "missing.csv", "-p", "pred", "-t", "target"));
        argv.addAll(options);
        CliRun run = CliRun.of(argv.toArray(String[]::new));
        assertEquals("losseval: " + message + "\n", run.err());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
    }

    @Test
    void aSingleValuedOptionGivenTwiceIsRefusedAsPicocliRefusesIt() {
        CliRun top = CliRun.of("eval", "missing.csv", "--top", "3", "--top", "4");
        assertEquals(2, top.exitCode());
        assertEquals("losseval: option '--top' (K) should be specified only once\n"
                + "Try 'losseval eval --help' for more information.\n", top.err());
        CliRun pred = CliRun.of("eval", "missing.csv", "-p", "a", "--pred", "b");
        assertEquals("losseval: option '--pred' (COL) should be specified only once\n"
                + "Try 'losseval eval --help' for more information.\n", pred.err());
        CliRun flag = CliRun.of("eval", "missing.csv", "--no-contrib", "--no-contrib");
        assertEquals("losseval: option '--no-contrib' should be specified only once\n"
                + "Try 'losseval eval --help' for more information.\n", flag.err());
    }
}
