package org.losseval.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.losseval.cli.Cli;
import org.losseval.io.Sources;

/**
 * Writes the committed fixtures of the state encoding's version 1 ({@code src/test/resources/state/v1/}), which
 * {@link StateCodecFixtureTest} decodes: each is the {@link PartialRun} of one whole example input under one
 * request, encoded. Each asks for an --exact-budget (1 MiB, or 0) far below a quarter of any heap, so no JVM caps
 * it (a cap is in the states' fingerprint). Run from the project's root, once per format version (never to refresh a
 * released version's files: a change that makes them fail to decode is a new version, with its own directory; only
 * while no release writes a version may its files be rewritten, as version 1's were when the perf and boot branches
 * changed DoubleBlocks, GroupState and KernelChooser, when --compare-shares entered the request, when the
 * comparison took bootstraps of ece and medae, when the contribution summary took one residual map for every
 * loss, ResidualBuckets, when the reliability diagram's top-class probability came from the kernels' softmax
 * parts, SoftmaxRows (leaves-budget-exceeded.state's diagram bins), and when ece's binary confidence took the
 * kernels' sigmoid, LossInputs.logitSigmoid, which changed emails-reliability.state's ece bins, when the
 * contribution totals came from the row store or the summary, LossConcentration.otherSums in place of totals,
 * when KernelMath.exp became table-driven, which changed low bytes of leaves-budget-exceeded.state's ce and kl
 * sums, and when losses with the same row losses came to be fed once, LossState.sameSums (rmse's, r2's exact sums
 * now combined from mse's: the same values, other bin windows in the sensors files)):
 * <pre>
 *   mvn -o -B -q test-compile
 *   java -cp target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *       org.losseval.app.StateFixtures src/test/resources/state/v1
 * </pre>
 */
public final class StateFixtures {
    /** Each fixture: its file name and the eval arguments (one input) whose part it holds. */
    static final List<List<String>> FIXTURES = List.of(
            List.of("sensors-figures.state", "examples/sensors.parquet", "-p", "pred", "-t", "target", "-l",
                    "mse,mae,huber:delta=mad,rmse,r2,medae", "--weight", "w", "--quantile", "p10@0.1", "--quantile",
                    "p90@0.9", "--interval", "p10:p90", "--exact-budget", "1"),
            List.of("sensors-baseline.state", "examples/sensors.csv", "-p", "pred", "-t", "target", "--baseline-pred",
                    "baseline", "-l", "mse,mae,rmse,r2", "--exact-budget", "1"),
            List.of("sensors-groups.state", "examples/sensors.csv", "-p", "pred", "-t", "target", "--baseline-pred",
                    "baseline", "-l", "mse,rmse", "--group-by", "sensor", "--min-group-rows", "2", "--exact-budget", "1"),
            List.of("emails-reliability.state", "examples/emails.csv", "--logits", "logit", "-t", "spam", "-l", "bce,ece", "--exact-budget", "1"),
            List.of("leaves-budget-exceeded.state", "examples/leaves.parquet", "--logits", "logits", "-t", "label",
                    "--target-probs", "target_probs", "-l", "ce,kl", "-w", "w", "--exact-budget", "0"));

    private StateFixtures() {}

    /** The part of one fixture's request that read its whole input. */
    static PartialRun part(List<String> fixture) throws Exception {
        EvalRequest request = request(fixture);
        PartialRun part = new PartialRun(request, request.inputs(), "csv");
        part.read(0, Sources.open(request.inputs().get(0), InputStream.nullInputStream(), part.options()));
        return part;
    }

    static EvalRequest request(List<String> fixture) {
        return Cli.evalRequest(fixture.subList(1, fixture.size()).toArray(String[]::new));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (List<String> fixture : FIXTURES) {
            Files.write(dir.resolve(fixture.get(0)), part(fixture).encode());
        }
    }
}
