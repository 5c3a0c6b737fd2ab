package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * The figures of issue 13 through the real entry point: a gate on r2, gaussian_nll from a --std column,
 * zero_one's argmax ties, and the domains of the deviances and of gaussian_nll as one-line data errors.
 * The values are scikit-learn's and PyTorch's ({@code reference/figures/figure_expected.csv}, case houses).
 */
class FigureLossesCommandTest {
    @TempDir
    Path dir;

    private Path houses() throws IOException {
        return CliRun.write(dir, "houses.csv", "pred,target,sd\n210,200,10\n340,350,10\n400,180,220\n");
    }

    @Test
    void r2GateFailsWithTheScikitLearnValue() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "r2", "--no-contrib",
                "--fail-if", "r2 < 0.8");
        assertEquals(1, run.exitCode());
        // sklearn.metrics.r2_score([200, 350, 180], [210, 340, 400]) = -1.8146718146718146
        assertEquals(List.of("losseval: gate failed: r2 = -1.8146718146718146 < 0.8"), run.err().lines().toList());
    }

    @Test
    void everyNewFigureIsInTheJsonLossesArray() throws IOException {
        Object report = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "--std", "sd",
                "-l", "r2,explained_variance,bias,max_error,medae,smape,poisson,gamma,tweedie:power=1.5,gaussian_nll",
                "--no-contrib", "--format", "json").json();
        // scikit-learn 1.2 and torch 1.13 on the houses (figure_expected.csv), var = sd^2 = 100, 100, 48400
        double[] expected = {-1.8146718146718146, -0.8803088803088808, 73.33333333333333, 220.0, 10.0, 0.2787955615688091,
                51.10414650170194, 0.16673536040052386, 2.9060414154078984, 3.8329325774468175};
        String[] names = {"r2", "explained_variance", "bias", "max_error", "medae", "smape", "poisson", "gamma", "tweedie",
                "gaussian_nll"};
        for (int l = 0; l < expected.length; l++) {
            assertEquals(names[l], TinyJson.at(report, "losses", l, "name"));
            assertEquals(expected[l], TinyJson.number(report, "losses", l, "value"), 1e-13 * Math.abs(expected[l]), names[l]);
        }
    }

    @Test
    void zeroOneBreaksTiesAsArgmax() throws IOException {
        Path file = CliRun.write(dir, "logits.csv", "z0,z1,z2,label\n1,2,0,1\n0,0,3,0\n5,5,1,0\n");
        Object report = CliRun.of("eval", file.toString(), "--logits", "z0..z2", "-t", "label", "-l", "zero_one",
                "--no-contrib", "--format", "json").json();
        // argmax (1, 2, 0) = 1 hit; (0, 0, 3) = 2 miss; (5, 5, 1) = 0 (the first of a tie) hit
        assertEquals(1.0 / 3, TinyJson.number(report, "losses", 0, "value"));
    }

    @Test
    void valuesOutsideADomainAreDataErrorsNamingRowAndColumn() throws IOException {
        Path file = CliRun.write(dir, "counts.csv", "pred,target,sd\n1,2,1\n2,-1,-1\n");
        CliRun poisson = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "poisson");
        assertEquals(3, poisson.exitCode());
        assertEquals(List.of("losseval: " + file + ":3: column 'target': negative target for poisson"),
                poisson.err().lines().toList());
        assertEquals("", poisson.out());
        CliRun nll = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "--std", "sd", "-l", "gaussian_nll");
        assertEquals(3, nll.exitCode());
        assertEquals(List.of("losseval: " + file + ":3: column 'sd': negative variance for gaussian_nll"),
                nll.err().lines().toList());
        CliRun power = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "tweedie:power=0.5");
        assertEquals(2, power.exitCode());
        assertEquals("losseval: tweedie: power must be <= 0 or >= 1, got 0.5", power.err().lines().findFirst().orElseThrow());
        CliRun skipped = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "gamma", "--skip-invalid",
                "--no-contrib", "--format", "json");
        // the second row is skipped (target not > 0): gamma of (1, 2) alone = 2 (log(1/2) + 2 - 1)
        assertEquals(2 * (Math.log(0.5) + 1), TinyJson.number(skipped.json(), "losses", 0, "value"), 1e-15);
    }

    @Test
    void gaussianNllNeedsAVarianceColumn() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "gaussian_nll");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(List.of("losseval: gaussian_nll needs --pred, --target and --var, or --pred, --target and --std"),
                run.err().lines().toList());
    }
}
