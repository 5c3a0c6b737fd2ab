package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * medae through the real entry point: exact per input and for the run, a gate on it, and beyond
 * {@code --exact-budget} a bracket (JSON {@code value_range}) that holds the exact median, which a gate
 * judges at its worse end. The values: scikit-learn 1.2 {@code median_absolute_error} (houses:
 * {@code reference/figures/figure_expected.csv}), and a sort of the generated errors for the large file.
 */
class MedaeCommandTest {
    @TempDir
    Path dir;

    @Test
    void exactPerInputAndForTheRunWithAGate() throws IOException {
        Path houses = CliRun.write(dir, "houses.csv", "pred,target\n210,200\n340,350\n400,180\n");
        Path small = CliRun.write(dir, "small.csv", "pred,target\n1,2\n-2,1\n3.5,3\n10,4\n");
        CliRun run = CliRun.of("eval", houses.toString(), small.toString(), "-p", "pred", "-t", "target", "-l", "medae",
                "--no-contrib", "--fail-if", "medae > 3");
        assertEquals(1, run.exitCode());
        // errors 10, 10, 220 and 1, 3, 0.5, 6: medians 10 (houses, as scikit-learn), (1 + 3) / 2 = 2, and 6 of all seven
        assertEquals(List.of("losseval: gate failed: medae = 6 > 3"), run.err().lines().toList());
        assertEquals(String.join("\n",
                "2 inputs: " + houses + " (csv), " + small + " (csv); 7 rows read, 7 used, 0 skipped",
                "",
                "loss   value  rows",
                "medae      6     7",
                "",
                houses + " (csv): 3 rows read, 3 used, 0 skipped",
                "",
                "loss   value  rows",
                "medae     10     3",
                "",
                small + " (csv): 4 rows read, 4 used, 0 skipped",
                "",
                "loss   value  rows",
                "medae      2     4",
                "",
                "1 gate failed",
                "FAIL  medae > 3 (medae = 6)",
                ""), run.out());
        Object json = CliRun.of("eval", houses.toString(), small.toString(), "-p", "pred", "-t", "target",
                "-l", "median_absolute_error", "--format", "json").json();
        assertEquals("medae", TinyJson.at(json, "losses", 0, "name"));
        assertEquals(6.0, TinyJson.number(json, "losses", 0, "value"));
        assertEquals(10.0, TinyJson.number(json, "inputs", 0, "losses", 0, "value"));
        assertEquals(2.0, TinyJson.number(json, "inputs", 1, "losses", 0, "value"));
        assertFalse(((Map<?, ?>) TinyJson.at(json, "losses", 0)).containsKey("value_range"), "exact: no value_range");
    }

    /** scikit-learn's weighted median: the smallest error whose cumulative weight reaches half the total. */
    @Test
    void weightedIsScikitLearnsLowerWeightedMedian() throws IOException {
        Path file = CliRun.write(dir, "w.csv", "pred,target,w\n1,0,1\n-2,0,1\n3,0,1\n-4,0,1\n");
        Object json = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-w", "w", "-l", "medae",
                "--format", "json").json();
        // sklearn.metrics.median_absolute_error([0]*4, [1, -2, 3, -4], sample_weight=[1]*4) = 2.0 (unweighted 2.5)
        assertEquals(2.0, TinyJson.number(json, "losses", 0, "value"));
    }

    /**
     * 150,000 rows are more than 1 MiB holds at 8 bytes a row (131,072), so the store switches part-way: the
     * value is the midpoint of a bracket that holds the sorted median, every printer marks it, and a gate
     * between the exact value and the bracket's upper end fails (the worse end for '>').
     */
    @Test
    void beyondTheBudgetABracketHoldsTheExactMedian() throws IOException {
        int n = 150_000;
        Random random = new Random(13);
        StringBuilder csv = new StringBuilder("pred,target\n");
        double[] errors = new double[n];
        for (int i = 0; i < n; i++) {
            long pred = random.nextInt(2_000_001) - 1_000_000;
            long target = random.nextInt(2_000_001) - 1_000_000;
            csv.append(pred).append(',').append(target).append('\n');
            errors[i] = Math.abs((double) pred - target);
        }
        Arrays.sort(errors);
        double exact = (errors[n / 2 - 1] + errors[n / 2]) / 2;
        Path file = CliRun.write(dir, "big.csv", csv.toString());
        String[] args = {"eval", file.toString(), "-p", "pred", "-t", "target", "-l", "medae", "--exact-budget", "1"};
        Object json = CliRun.of(concat(args, "--format", "json")).json();
        double low = TinyJson.number(json, "losses", 0, "value_range", "low");
        double high = TinyJson.number(json, "losses", 0, "value_range", "high");
        assertTrue(low <= exact && exact <= high && low < high, low + " <= " + exact + " <= " + high);
        assertTrue(high - low <= exact * 0x1p-8, "width " + (high - low) + " for " + exact);
        assertEquals(low / 2 + high / 2, TinyJson.number(json, "losses", 0, "value"));
        assertEquals(low / 2 + high / 2, TinyJson.number(json, "inputs", 0, "losses", 0, "value"));

        String table = CliRun.of(args).assertSuccess().out();
        assertTrue(table.lines().anyMatch(line -> line.matches("medae +~[0-9.e+]+ +150000")), table);
        assertTrue(table.contains("~ marks an approximate figure"), table);

        double between = exact / 2 + high / 2;
        CliRun gate = CliRun.of(concat(args, "--fail-if", "medae > " + between));
        assertEquals(1, gate.exitCode());
        assertEquals(List.of("losseval: gate failed: medae = " + org.losseval.text.Numbers.exact(high) + " > "
                + org.losseval.text.Numbers.exact(between)), gate.err().lines().toList());
        CliRun lowGate = CliRun.of(concat(args, "--fail-if", "medae < " + (exact / 2 + low / 2)));
        assertEquals(1, lowGate.exitCode());
    }

    /**
     * Regression: with --no-contrib the --exact-budget was dropped with the contribution settings, so medae
     * kept the default 256 MiB whatever was asked. A budget of 0 now makes it a bracket with or without
     * --no-contrib, and the bracket holds the exact median (10: errors 10, 10, 220, as scikit-learn above).
     */
    @Test
    void exactBudgetIsIgnoredForMedaeWithNoContrib() throws IOException {
        Path houses = CliRun.write(dir, "houses.csv", "pred,target\n210,200\n340,350\n400,180\n");
        for (boolean noContrib : new boolean[] {false, true}) {
            String[] args = {"eval", houses.toString(), "-p", "pred", "-t", "target", "-l", "medae",
                    "--exact-budget", "0", "--format", "json"};
            Object json = CliRun.of(noContrib ? concat(args, "--no-contrib") : args).json();
            double low = TinyJson.number(json, "losses", 0, "value_range", "low");
            double high = TinyJson.number(json, "losses", 0, "value_range", "high");
            assertTrue(low <= 10 && 10 <= high && low < high, noContrib + ": " + low + " <= 10 <= " + high);
            assertEquals(low / 2 + high / 2, TinyJson.number(json, "losses", 0, "value"));
        }
        // The default budget keeps it exact with --no-contrib too.
        Object exact = CliRun.of("eval", houses.toString(), "-p", "pred", "-t", "target", "-l", "medae", "--no-contrib",
                "--format", "json").json();
        assertEquals(10.0, TinyJson.number(exact, "losses", 0, "value"));
        assertFalse(((Map<?, ?>) TinyJson.at(exact, "losses", 0)).containsKey("value_range"), "exact: no value_range");
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
