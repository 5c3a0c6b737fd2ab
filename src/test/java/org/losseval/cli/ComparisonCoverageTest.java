package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * A small simulation, committed as a test: 200 seeded datasets where candidate and baseline are of equal
 * quality (independent errors of the same distribution), each run through the real command line. The 95%
 * interval of delta mse must cover 0 in a fraction of them compatible with 0.95: between 179 and 198 of 200,
 * the central 99.9% of Binomial(200, 0.95) (scipy.stats.binom.ppf(0.0005, 200, 0.95) = 179,
 * binom.isf(0.0005, 200, 0.95) = 198). The data are seeded, so the count is the same on every run; the bound
 * says that what it is would be unremarkable for an interval of the stated coverage.
 */
class ComparisonCoverageTest {
    private static final int DATASETS = 200;
    private static final int ROWS = 150;

    @TempDir
    Path dir;

    @Test
    void theIntervalOfDeltaCoversZeroAboutNinetyFivePercentOfTheTime() throws IOException {
        int covered = 0;
        for (int seed = 0; seed < DATASETS; seed++) {
            Random random = new Random(1000 + seed);
            StringBuilder text = new StringBuilder("y,cand,base\n");
            for (int i = 0; i < ROWS; i++) {
                double y = random.nextGaussian() * 5;
                // skewed, heavy-ish errors (a t-like mixture), the same law for both models
                double scaleC = random.nextInt(10) == 0 ? 3 : 1;
                double scaleB = random.nextInt(10) == 0 ? 3 : 1;
                text.append(y).append(',').append(y + scaleC * random.nextGaussian()).append(',')
                        .append(y + scaleB * random.nextGaussian()).append('\n');
            }
            Path file = CliRun.write(dir, "sim" + seed + ".csv", text.toString());
            Object json = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "base",
                    "-l", "mse", "--no-contrib", "--format", "json").json();
            Map<?, ?> ci = (Map<?, ?>) ((Map<?, ?>) ((List<?>) TinyJson.at(json, "comparison", "figures")).get(0))
                    .get("delta_ci");
            double low = ((TinyJson.Num) ci.get("low")).asDouble();
            double high = ((TinyJson.Num) ci.get("high")).asDouble();
            if (low <= 0 && 0 <= high) covered++;
        }
        assertTrue(covered >= 179 && covered <= 198, covered + " of " + DATASETS + " intervals cover 0");
    }
}
