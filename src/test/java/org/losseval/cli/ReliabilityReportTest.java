package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.format.TinyJson;

/**
 * The reliability diagram of a real run through the entry point, against torch 1.13's softmax and sigmoid
 * binned by scikit-learn 1.2's calibration_curve (reference/stats/generate.py, examples_reliability.csv):
 * the leaves (five logit columns: the top class) and the emails (one logit column: class 1). A regression
 * run and a run from probabilities have none.
 */
class ReliabilityReportTest {
    /**
     * Our top-class softmax is 1 / Σ exp(z_c - z_top) with the kernels' exp (kernel.SoftmaxRows) and our bin mean
     * an exact sum; torch's softmax and numpy's pairwise sum round differently: a few ulps.
     */
    private static final double PROBABILITY_TOLERANCE = 1e-14;

    /** {@link #leaves}' reports by their losses. */
    private final Map<String, Object> leavesRuns = new HashMap<>();

    @Test
    void theLeavesAndTheEmailsHaveTheReferenceDiagram() throws IOException {
        check("leaves", "top_label", leaves("ce"));
        check("emails", "binary", CliRun.of("eval", "examples/emails.csv", "--logits", "logit", "-t", "spam", "-l", "bce",
                "--format", "json").json());
    }

    /**
     * The top class's probability has one home (LossInputs.logitSoftmax): whether ce computed the softmax parts
     * for its loss, or the diagram computed them itself (zero_one, multi-class focal and ece take none from the batch),
     * the diagram is the same bits, and it is the reference's; ece reads the same probabilities with or without ce.
     */
    @Test
    void theDiagramIsTheSameWhicheverLossComputedTheSoftmax() throws IOException {
        Object withCe = TinyJson.at(leaves("ce,ece"), "reliability");
        for (String losses : List.of("zero_one", "focal_multiclass", "ece")) {
            Object json = leaves(losses);
            check("leaves", "top_label", json);
            assertEquals(withCe, TinyJson.at(json, "reliability"), losses);
        }
        assertEquals(Double.doubleToRawLongBits(TinyJson.number(leaves("ce,ece"), "losses", 1, "value")),
                Double.doubleToRawLongBits(TinyJson.number(leaves("ece"), "losses", 0, "value")));
    }

    /**
     * The binary probability has one home too (LossInputs.logitSigmoid, the kernels' sigmoid): ece read it with
     * Math.exp, a second formula that rounds differently for most negative logits. A one-row run makes ece
     * checkable against the diagram: its one bin's mean predicted probability is the row's p exactly (an exact
     * sum over one row), and ece over one row is |y − p| (TorchMetrics' binary ece, the label against P(class 1)),
     * so the two must agree bit for bit. The logits are spread over both signs and the sigmoid's range.
     */
    @Test
    void eceOfOneLogitColumnIsTheDiagramsProbability() {
        for (String logit : List.of("-7.3", "-3.7", "-2.2", "-1.3", "-0.41", "-0.07", "0.0", "0.33", "0.9", "2.6",
                "5.5", "-1e-3", "-11.25")) {
            for (int label = 0; label <= 1; label++) {
                Object json = CliRun.withStdin("z,y\n" + logit + "," + label + "\n", "eval", "-", "--logits", "z",
                        "-t", "y", "-l", "ece", "--format", "json").json();
                double p = diagramProbability(json);
                String row = "logit " + logit + ", label " + label;
                assertEquals(Double.doubleToRawLongBits(Math.abs(label - p)),
                        Double.doubleToRawLongBits(TinyJson.number(json, "losses", 0, "value")), row);
            }
        }
    }

    /**
     * advise reads the same p for its top-label calibration: a one-row advice's mean confidence is the predicted
     * class's probability, p when the logit is positive and 1 − p otherwise (zero_one's rule), and its ece the
     * gap to whether that class is the label, bit for bit against the eval diagram's p (-3.4, -2.07 and -1.71 give
     * 1 − p an ulp apart with the former Math.exp formula).
     */
    @Test
    void adviseOfOneLogitColumnReadsTheDiagramsProbability() {
        for (String logit : List.of("-7.3", "-3.4", "-2.07", "-1.71", "-0.07", "0.0", "0.33", "2.6", "-11.25")) {
            for (int label = 0; label <= 1; label++) {
                String csv = "z,y\n" + logit + "," + label + "\n";
                double p = diagramProbability(CliRun.withStdin(csv, "eval", "-", "--logits", "z", "-t", "y", "-l", "bce",
                        "--format", "json").json());
                Object advice = CliRun.withStdin(csv, "advise", "-", "--logits", "z", "-t", "y", "--format", "json").json();
                int predicted = Double.parseDouble(logit) > 0 ? 1 : 0;
                double confidence = predicted == 1 ? p : 1 - p;
                String row = "logit " + logit + ", label " + label;
                assertEquals(Double.doubleToRawLongBits(confidence),
                        Double.doubleToRawLongBits(TinyJson.number(advice, "calibration", "mean_confidence")), row);
                assertEquals(Double.doubleToRawLongBits(Math.abs((predicted == label ? 1 : 0) - confidence)),
                        Double.doubleToRawLongBits(TinyJson.number(advice, "calibration", "ece")), row);
            }
        }
    }

    /** The mean predicted probability of a one-row diagram's only non-empty bin. */
    private static double diagramProbability(Object json) {
        Object reliability = TinyJson.at(json, "reliability");
        assertEquals("binary", TinyJson.at(reliability, "kind"));
        assertEquals(1.0, TinyJson.number(reliability, "rows"));
        double p = Double.NaN;
        for (Object bin : (List<?>) TinyJson.at(reliability, "bins")) {
            if (TinyJson.number(bin, "count") == 1) p = TinyJson.number(bin, "mean_predicted");
        }
        return p;
    }

    /** The JSON report of the leaves with {@code losses}, each run once per test (JUnit makes an instance per test). */
    private Object leaves(String losses) {
        return leavesRuns.computeIfAbsent(losses, l -> CliRun.of("eval", "examples/leaves.csv", "--logits", "l0..l4",
                "-t", "label", "-l", l, "--format", "json").json());
    }

    @Test
    void regressionAndProbabilityRunsHaveNone() {
        assertEquals(null, TinyJson.at(CliRun.of("eval", "examples/houses.csv", "-p", "pred", "-t", "target", "--format",
                "json").json(), "reliability"));
        assertEquals(null, TinyJson.at(CliRun.of("eval", "examples/emails.csv", "-p", "p", "-t", "spam", "-l", "bce",
                "--format", "json").json(), "reliability"));
    }

    private static void check(String example, String kind, Object json) throws IOException {
        Object reliability = TinyJson.at(json, "reliability");
        assertEquals(kind, TinyJson.at(reliability, "kind"));
        List<String> expectedBins = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        long rows = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/reference/stats/examples_reliability.csv"))) {
            String[] f = line.split(",");
            if (line.startsWith("#") || f[0].equals("example") || !f[0].equals(example)) continue;
            expectedBins.add(f[1] + ":" + f[2]);
            expected.add(new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
            rows += Long.parseLong(f[2]);
        }
        assertEquals(rows, TinyJson.number(reliability, "rows"));
        List<?> bins = (List<?>) TinyJson.at(reliability, "bins");
        List<String> nonEmpty = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        for (int b = 0; b < bins.size(); b++) {
            long count = (long) TinyJson.number(bins.get(b), "count");
            if (count == 0) continue;
            nonEmpty.add(b + ":" + count);
            actual.add(new double[] {TinyJson.number(bins.get(b), "mean_predicted"), TinyJson.number(bins.get(b), "observed")});
        }
        assertEquals(expectedBins, nonEmpty, example + " bins with rows");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], actual.get(i)[0], PROBABILITY_TOLERANCE, example + " mean of " + nonEmpty.get(i));
            assertEquals(expected.get(i)[1], actual.get(i)[1], example + " observed in " + nonEmpty.get(i)); // a ratio of counts
        }
    }
}
