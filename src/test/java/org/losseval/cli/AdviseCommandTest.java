package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.FixtureCsv;
import org.losseval.format.TinyJson;

/**
 * {@code losseval advise} end to end through the real entry point: synthetic Gaussian, Laplace and
 * Student-t noise and imbalanced labels ({@code reference/advice/make_advice.py}) give the expected
 * verdicts, the figures they rest on match SciPy and a NumPy re-implementation of TorchMetrics' ECE, and
 * the seed's houses and emails give the seed's own conclusions.
 */
class AdviseCommandTest {
    /** SciPy's fits sum in float64 without exact sums; 2000 rows leave a few hundred ulps at most. */
    private static final double RELATIVE = 1e-11;

    @TempDir
    Path dir;

    private static String fixture(String name) {
        try {
            return Path.of(AdviseCommandTest.class.getResource("/reference/advice/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object advise(String... args) {
        List<String> all = new ArrayList<>(List.of("advise"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        run.assertSuccess();
        return run.json();
    }

    private static List<String> rules(Object advice) {
        List<String> rules = new ArrayList<>();
        for (Object reason : (List<?>) TinyJson.at(advice, "reasons")) rules.add((String) TinyJson.at(reason, "rule"));
        return rules;
    }

    @Test
    void gaussianNoiseCallsForMse() {
        Object advice = advise(fixture("gaussian.csv"), "-p", "pred", "-t", "target");
        assertEquals("mse", TinyJson.at(advice, "verdict"));
        assertEquals("mse", TinyJson.at(advice, "spec"));
        assertEquals(List.of("gaussian_fits"), rules(advice));
        assertNoiseFigures("gaussian", advice);
    }

    @Test
    void laplaceNoiseCallsForMae() {
        Object advice = advise(fixture("laplace.csv"), "-p", "pred", "-t", "target");
        assertEquals("mae", TinyJson.at(advice, "verdict"));
        assertEquals(List.of("laplace_fits_better"), rules(advice));
        assertNoiseFigures("laplace", advice);
    }

    @Test
    void studentTNoiseCallsForHuberWithTheSuggestedDelta() {
        Object advice = advise(fixture("student_t.csv"), "-p", "pred", "-t", "target");
        assertEquals("huber", TinyJson.at(advice, "verdict"));
        assertEquals(List.of("heavier_than_laplace"), rules(advice));
        assertNoiseFigures("student_t", advice);
        // 1.345 x 1.4826 x MAD, to four significant digits in the spec
        assertEquals("huber:delta=1.604", TinyJson.at(advice, "spec"));
    }

    @Test
    void imbalancedLabelsCallForFocalAndBalancedOnesForBceWithLogits() {
        Object imbalanced = advise(fixture("imbalanced.csv"), "--logits", "logit", "-t", "label");
        assertEquals("focal", TinyJson.at(imbalanced, "verdict"));
        assertEquals(List.of("rare_class", "with_logits", "under_confident"), rules(imbalanced));
        assertEquals(1L, ((TinyJson.Num) TinyJson.at(imbalanced, "rarest_class")).asLong());
        Object balanced = advise(fixture("balanced.csv"), "--logits", "logit", "-t", "label");
        assertEquals("bce", TinyJson.at(balanced, "verdict"));
        assertEquals(true, TinyJson.at(balanced, "logits"));
        assertEquals(List.of("classes_balanced", "with_logits", "under_confident"), rules(balanced));
        for (String[] e : FixtureCsv.read("/reference/advice/calibration_expected.csv", 5)) {
            // the probabilities column gives the same top-label calibration as the logits (p = sigmoid(z))
            Object fromProbabilities = advise(fixture(e[0] + ".csv"), "-p", "p", "-t", "label", "--classification");
            Object fromLogits = e[0].equals("balanced") ? balanced : imbalanced;
            for (Object advice : List.of(fromLogits, fromProbabilities)) {
                assertClose(Double.parseDouble(e[1]), TinyJson.number(advice, "calibration", "ece"), 1e-9, e[0] + " ece");
                assertClose(Double.parseDouble(e[2]), TinyJson.number(advice, "calibration", "mean_confidence"), 1e-9,
                        e[0] + " mean confidence");
                assertEquals(Double.parseDouble(e[3]), TinyJson.number(advice, "calibration", "accuracy"), e[0] + " accuracy");
            }
            assertEquals(false, TinyJson.at(fromProbabilities, "logits"));
        }
    }

    /** The seed's houses: one outlier holds 99.6% of the MSE, so Huber (the seed's delta = 15 is its own pick). */
    @Test
    void seedHousesGiveHuber() throws IOException {
        Path houses = CliRun.write(dir, "houses.csv", "pred,target\n210,200\n340,350\n400,180\n");
        Object advice = advise(houses.toString(), "-p", "pred", "-t", "target");
        assertEquals("huber", TinyJson.at(advice, "verdict"));
        assertEquals(List.of("outliers_hold_the_mse"), rules(advice));
        assertEquals(48400.0 / 48600.0, TinyJson.number(advice, "noise", "outlier_mse_share"));
        assertEquals(20.0, TinyJson.number(advice, "noise", "mad"));       // |r - 10| = 0, 20, 210
        assertEquals(1.345 * 1.4826 * 20, TinyJson.number(advice, "noise", "huber_delta"));
        assertEquals("huber:delta=39.88", TinyJson.at(advice, "spec"));
        CliRun text = CliRun.of("advise", houses.toString(), "-p", "pred", "-t", "target");
        text.assertSuccess();
        assertEquals("use huber:delta=39.88", text.out().lines().findFirst().orElseThrow());
        assertTrue(text.out().contains(" holds 99.59% of the squared error (> 60.00%)"), text.out());
    }

    /** The seed's emails: cross-entropy (binary), with logits when given; confidently wrong on email 3. */
    @Test
    void seedEmailsGiveBinaryCrossEntropy() throws IOException {
        Path emails = CliRun.write(dir, "emails.csv", "email,spam,p,logit\n1,1,0.95,3\n2,0,0.1,-2.5\n3,1,0.03,-3.5\n");
        Object withLogits = advise(emails.toString(), "--logits", "logit", "-t", "spam");
        assertEquals("bce", TinyJson.at(withLogits, "verdict"));
        assertEquals(List.of("classes_balanced", "with_logits", "over_confident"), rules(withLogits));
        Object fromProbabilities = advise(emails.toString(), "-p", "p", "-t", "spam", "--classification");
        assertEquals("bce", TinyJson.at(fromProbabilities, "verdict"));
        assertEquals(List.of("classes_balanced", "from_probabilities", "over_confident"), rules(fromProbabilities));
        // top-label confidences 0.95 (hit), 0.9 (hit), 0.97 (miss): 0.95 and 0.97 share bin 14, 0.9 is in bin 13
        assertClose((Math.abs(1 - (0.95 + 0.97)) + Math.abs(1 - 0.9)) / 3,
                TinyJson.number(fromProbabilities, "calibration", "ece"), 1e-15, "emails ece");
        assertEquals(2.0 / 3, TinyJson.number(fromProbabilities, "calibration", "accuracy"));
    }

    @Test
    void thresholdsAreParametersAndEchoed() {
        // Student-t noise with the kurtosis threshold raised above its 17.3: Laplace fits better, so mae
        Object advice = advise(fixture("student_t.csv"), "-p", "pred", "-t", "target", "--heavy-tail-kurtosis", "100");
        assertEquals("mae", TinyJson.at(advice, "verdict"));
        assertEquals(100.0, TinyJson.number(advice, "thresholds", "heavy_tail_kurtosis"));
        assertEquals(0.6, TinyJson.number(advice, "thresholds", "outlier_mse_share"));
    }

    @Test
    void badOptionsAreUsageErrorsAndBadValuesDataErrors() throws IOException {
        Path houses = CliRun.write(dir, "houses.csv", "pred,target,w\n210,200,1\n340,350,1\n400,x,1\n");
        CliRun weighted = CliRun.of("advise", houses.toString(), "-p", "pred", "-t", "target", "-w", "w");
        assertEquals(2, weighted.exitCode());
        assertEquals(List.of("losseval: advise reads no sample weights: leave out --weight"), weighted.err().lines().toList());
        CliRun threads = CliRun.of("advise", houses.toString(), "-p", "pred", "-t", "target", "--threads", "2");
        assertEquals(2, threads.exitCode());
        assertEquals(List.of("losseval: advise reads on one thread: leave out --threads"), threads.err().lines().toList());
        CliRun format = CliRun.of("advise", houses.toString(), "-p", "pred", "-t", "target", "--format", "csv");
        assertEquals(2, format.exitCode());
        assertEquals(List.of("losseval: advise --format must be table or json, got 'csv'"), format.err().lines().toList());
        CliRun share = CliRun.of("advise", houses.toString(), "-p", "pred", "-t", "target", "--rare-class-share", "2");
        assertEquals(2, share.exitCode());
        assertEquals(List.of("losseval: --rare-class-share is out of range: 2"), share.err().lines().toList());
        CliRun invalid = CliRun.of("advise", houses.toString(), "-p", "pred", "-t", "target");
        assertEquals(3, invalid.exitCode());
        assertEquals("", invalid.out());
        assertEquals(List.of("losseval: " + houses + ":4: column 'target': not a number: 'x'"), invalid.err().lines().toList());
        CliRun skipped = CliRun.of("advise", houses.toString(), "-p", "pred", "-t", "target", "--skip-invalid",
                "--format", "json");
        skipped.assertSuccess();
        assertEquals(1L, ((TinyJson.Num) TinyJson.at(skipped.json(), "rows", "skipped")).asLong());
        assertEquals("mse", TinyJson.at(skipped.json(), "verdict")); // residuals 10 and -10 only
    }

    private static void assertNoiseFigures(String caseName, Object advice) {
        int checked = 0;
        for (String[] e : FixtureCsv.read("/reference/advice/noise_expected.csv", 4)) {
            if (!e[0].equals(caseName)) continue;
            double expected = Double.parseDouble(e[2]);
            double actual = TinyJson.number(advice, "noise", e[1]);
            assertClose(expected, actual, RELATIVE, caseName + " " + e[1] + " vs " + e[3]);
            checked++;
        }
        assertEquals(8, checked);
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected),
                what + ": expected " + expected + " but was " + actual);
    }
}
