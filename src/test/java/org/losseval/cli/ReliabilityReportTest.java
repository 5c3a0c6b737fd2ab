package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void theLeavesAndTheEmailsHaveTheReferenceDiagram() throws IOException {
        check("leaves", "top_label", CliRun.of("eval", "examples/leaves.csv", "--logits", "l0..l4", "-t", "label", "-l", "ce",
                "--format", "json").json());
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

    private static Object leaves(String losses) {
        return CliRun.of("eval", "examples/leaves.csv", "--logits", "l0..l4", "-t", "label", "-l", losses,
                "--format", "json").json();
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
