package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * CRPS (twice the mean pinball loss over the levels) and quantile crossings through the real entry point:
 * in JSON, in the table, and as gate figures; absent with a single quantile column.
 */
class QuantileSetCommandTest {
    @TempDir
    Path dir;

    /**
     * Targets 10, 20, 30, 40. Row 2's q10 (25) is above its q50 (21): a crossing; row 4's q90 (39) is below
     * its q50 (41): another. Pinball by hand (scikit-learn's q(y - p) if y >= p else (1 - q)(p - y)):
     * q10: 0.1·1, 0.9·5, 0.1·2, 0.1·1 → 4.9/4; q50: 0.5·(1, 1, 1, 1) → 2/4; q90: 0.1·1, 0.1·1, 0.1·2, 0.9·1 → 1.3/4
     * (scikit-learn 1.2 mean_pinball_loss: 1.225, 0.5, 0.325). CRPS = 2 × (1.225 + 0.5 + 0.325) / 3 = 1.3666...
     */
    private Path file() throws IOException {
        return CliRun.write(dir, "q.csv", "y,q10,q50,q90\n10,9,11,11\n20,25,21,21\n30,28,29,32\n40,39,41,39\n");
    }

    @Test
    void crpsAndCrossingsInJsonAndGates() throws IOException {
        CliRun run = CliRun.of("eval", file().toString(), "-t", "y", "--quantile", "q90@0.9", "--quantile", "q10@0.1",
                "--quantile", "q50@0.5", "--format", "json", "--fail-if", "quantile_crossings > 1");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("losseval: gate failed: quantile_crossings = 2 > 1"), run.err().lines().toList());
        Object report = TinyJson.parse(run.out());
        assertEquals(List.of("q10", "q50", "q90"), TinyJson.at(report, "quantile_set", "columns"));
        assertEquals(1.3666666666666665, TinyJson.number(report, "quantile_set", "crps"), 1e-15);
        assertEquals(2L, ((TinyJson.Num) TinyJson.at(report, "quantile_set", "crossings")).asLong());
        assertEquals(0.5, TinyJson.number(report, "quantile_set", "crossing_share"));
        assertEquals(4L, ((TinyJson.Num) TinyJson.at(report, "quantile_set", "rows")).asLong());
    }

    @Test
    void theTableSaysItUnderTheQuantiles() throws IOException {
        CliRun run = CliRun.of("eval", file().toString(), "-t", "y", "--quantile", "q10@0.1", "--quantile", "q90@0.9");
        run.assertSuccess();
        // q10 and q90 alone: CRPS = 2 × (1.225 + 0.325) / 2 = 1.55; row 2's q10 (25) is above its q90 (21)
        assertEquals(List.of("crps 1.55 (2 x the mean pinball loss over 2 levels); quantile crossings: 1 of 4 rows (25.00%)"),
                run.out().lines().filter(l -> l.startsWith("crps")).toList());
    }

    @Test
    void oneQuantileHasNoQuantileSet() throws IOException {
        CliRun run = CliRun.of("eval", file().toString(), "-t", "y", "--quantile", "q50@0.5", "--format", "json");
        assertEquals(false, ((java.util.Map<?, ?>) run.json()).containsKey("quantile_set"));
        CliRun gate = CliRun.of("eval", file().toString(), "-t", "y", "--quantile", "q50@0.5", "--fail-if", "crps > 1");
        assertEquals(2, gate.exitCode());
        assertEquals("", gate.out());
    }
}
