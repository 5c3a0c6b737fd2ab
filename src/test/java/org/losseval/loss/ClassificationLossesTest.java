package org.losseval.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.losseval.loss.math.RowChecks;

/** The seed's numbers, edge cases, row checks, form problems and row weights of the classification and embedding losses. */
class ClassificationLossesTest {

    /** The seed prints its losses to 4 decimals (0.0513) or 4 significant digits (1.865, 0.000128). */
    private static final double SEED_DECIMALS = 5e-5;
    private static final double SEED_FOCAL_SMALL = 5e-7;
    private static final double SEED_FOCAL_LARGE = 5e-4;

    private static RowLoss loss(String spec) throws LossSpecException {
        return (RowLoss) LossSpecs.parse(List.of(spec), LossRegistry.builtIn()).get(0).loss();
    }

    private static double[] rows(RowLoss loss, LossInputs inputs) {
        double[] out = new double[inputs.size()];
        loss.rowLosses(inputs, out, inputs.size());
        return out;
    }

    /** The seed's emails: labels 1, 0, 1 with predicted spam probabilities .95, .10, .03. */
    private static ArrayInputs emails() {
        return new ArrayInputs(3).with(Role.PRED, 0.95, 0.10, 0.03).with(Role.TARGET, 1, 0, 1);
    }

    @Test
    void seedEmails() throws LossSpecException {
        double[] bce = rows(loss("bce"), emails());
        assertEquals(0.0513, bce[0], SEED_DECIMALS);
        assertEquals(0.1054, bce[1], SEED_DECIMALS);
        assertEquals(3.5066, bce[2], SEED_DECIMALS);
        // the same rows as logits: z = log(p / (1 - p))
        double[] z = {Math.log(0.95 / 0.05), Math.log(0.10 / 0.90), Math.log(0.03 / 0.97)};
        double[] fromLogits = rows(loss("bce"), new ArrayInputs(3).with(Role.LOGITS, z).with(Role.TARGET, 1, 0, 1));
        assertArrayEquals(bce, fromLogits, 1e-12);
    }

    @Test
    void logitOneHundredWithLabelZeroIsExactlyOneHundred() throws LossSpecException {
        ArrayInputs in = new ArrayInputs(2).with(Role.LOGITS, 100, -100).with(Role.TARGET, 0, 1);
        assertArrayEquals(new double[] {100, 100}, rows(loss("bce"), in));
    }

    @Test
    void probabilityClampFollowsPyTorchAndIsCounted() throws LossSpecException {
        ArrayInputs in = new ArrayInputs(4).with(Role.PRED, 0, 1, 0, 0.5).with(Role.TARGET, 1, 0, 0, 1);
        double[] out = new double[4];
        assertEquals(2, loss("bce").rowLosses(in, out, 4));
        assertArrayEquals(new double[] {100, 100, 0, Math.log(2)}, out, 1e-15);
        assertEquals(2, loss("focal").rowLosses(in, out, 4));
    }

    @Test
    void seedFocalNumbers() throws LossSpecException {
        RowLoss focal = loss("focal:gamma=2,alpha=-1");
        // p_t = .95 and p_t = .10, both as positives
        double[] out = rows(focal, new ArrayInputs(2).with(Role.PRED, 0.95, 0.10).with(Role.TARGET, 1, 1));
        assertEquals(0.000128, out[0], SEED_FOCAL_SMALL);
        assertEquals(1.865, out[1], SEED_FOCAL_LARGE);
        assertEquals("focal:alpha=-1", focal.spec());
    }

    /** exp and log of the kernels are within 1 ulp each; a softplus chains two of them and an addition. */
    private static final double KERNEL_ULPS = 4;

    @Test
    void focalWithGammaZeroAndAlphaOffIsBce() throws LossSpecException {
        SplittableRandom random = new SplittableRandom(11);
        int n = 257;
        double[] z = new double[n], p = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextDouble(-30, 30);
            p[i] = random.nextDouble();
            y[i] = random.nextInt(2);
        }
        RowLoss focal = loss("focal:gamma=0,alpha=-1");
        RowLoss bce = loss("bce");
        ArrayInputs logits = new ArrayInputs(n).with(Role.LOGITS, z).with(Role.TARGET, y);
        ArrayInputs probs = new ArrayInputs(n).with(Role.PRED, p).with(Role.TARGET, y);
        // From logits bce runs on the kernels' exp/log (within 1 ulp of StrictMath), focal on StrictMath.
        double[] bceRows = rows(bce, logits);
        double[] focalRows = rows(focal, logits);
        for (int i = 0; i < n; i++) {
            assertEquals(bceRows[i], focalRows[i], KERNEL_ULPS * Math.ulp(bceRows[i]), "row " + i);
        }
        assertArrayEquals(rows(bce, probs), rows(focal, probs));
    }

    @Test
    void hingeTakesZeroOneOrSignedLabels() throws LossSpecException {
        ArrayInputs zeroOne = new ArrayInputs(3).with(Role.PRED, 0.5, 0.5, -2).with(Role.TARGET, 1, 0, 1);
        ArrayInputs signed = new ArrayInputs(3).with(Role.PRED, 0.5, 0.5, -2).with(Role.TARGET, 1, -1, 1);
        assertArrayEquals(new double[] {0.5, 1.5, 3}, rows(loss("hinge"), zeroOne));
        assertArrayEquals(new double[] {0.5, 1.5, 3}, rows(loss("hinge"), signed));
        assertArrayEquals(new double[] {0.25, 2.25, 9}, rows(loss("squared_hinge"), signed));
        assertNull(loss("hinge").check(signed, 1));
        assertEquals(new RowProblem(Role.TARGET, 0, "label not -1, 0 or 1"),
                loss("hinge").check(new ArrayInputs(1).with(Role.PRED, 0).with(Role.TARGET, 2), 0));
    }

    @Test
    void binaryChecks() throws LossSpecException {
        ArrayInputs in = new ArrayInputs(4).with(Role.PRED, 0.5, 1.5, 0.5, -0.0).with(Role.TARGET, 1, 1, 0.5, 0);
        for (String spec : List.of("bce", "focal", "brier")) {
            RowLoss loss = loss(spec);
            assertNull(loss.check(in, 0), spec);
            assertEquals(new RowProblem(Role.PRED, 0, RowChecks.NOT_A_PROBABILITY), loss.check(in, 1), spec);
            assertEquals(new RowProblem(Role.TARGET, 0, RowChecks.NOT_A_BINARY_LABEL), loss.check(in, 2), spec);
            assertNull(loss.check(in, 3), spec);
        }
        // from logits any finite logit is valid, the label is still checked
        ArrayInputs logits = new ArrayInputs(2).with(Role.LOGITS, 1e300, 0).with(Role.TARGET, 0, 2);
        assertNull(loss("bce").check(logits, 0));
        assertEquals(new RowProblem(Role.TARGET, 0, RowChecks.NOT_A_BINARY_LABEL), loss("bce").check(logits, 1));
    }

    @Test
    void binaryFormProblems() throws LossSpecException {
        assertEquals("--logits must be one column for a binary loss, got 2",
                loss("bce").formProblem(columns(Map.of(Role.LOGITS, 2, Role.TARGET, 1))));
        assertNull(loss("bce:pos_weight=3").formProblem(columns(Map.of(Role.LOGITS, 1, Role.TARGET, 1))));
        assertEquals("pos_weight applies to --logits only (PyTorch's binary_cross_entropy from probabilities has none)",
                loss("bce:pos_weight=3").formProblem(columns(Map.of(Role.PRED, 1, Role.TARGET, 1))));
        assertNull(loss("bce").formProblem(columns(Map.of(Role.PRED, 1, Role.TARGET, 1))));
        // check() reports it on every row, on the column at fault
        ArrayInputs twoLogits = new ArrayInputs(1).withGroup(Role.LOGITS, new double[][] {{0}, {1}}).with(Role.TARGET, 1);
        assertEquals(new RowProblem(Role.LOGITS, 0, "--logits must be one column for a binary loss, got 2"),
                loss("focal").check(twoLogits, 0));
    }

    @Test
    void ceWeighsRowsByTheLabelsClassWeightAndIgnoresIgnoreIndex() throws LossSpecException {
        RowLoss ce = loss("ce:weight=[1,2,4]");
        assertTrue(ce.weighsRows());
        assertTrue(loss("ce").weighsRows());
        double[][] logits = {{1, 0, 3, 5}, {2, 0, 1, 5}, {0, 0, 2, 5}};
        ArrayInputs in = new ArrayInputs(4).withGroup(Role.LOGITS, logits).with(Role.TARGET, 1, 2, -100, 0);
        double[] w = new double[4];
        ce.rowWeights(in, w, 4);
        assertArrayEquals(new double[] {2, 4, 0, 1}, w);
        double[] l = rows(ce, in);
        // weight x row loss is PyTorch's per-row numerator w_y (-log softmax(z)_y); an ignored row is 0
        double row0 = -(2 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0)));
        double row1 = -(0 - Math.log(3));
        assertEquals(2 * row0, w[0] * l[0], 1e-15);
        assertEquals(4 * row1, w[1] * l[1], 1e-15);
        assertEquals(0.0, l[2]);
        assertEquals(Math.log(3), l[3], 1e-15);
        // a soft target weighs every row 1, as PyTorch's mean over probability targets
        ArrayInputs soft = new ArrayInputs(1).withGroup(Role.LOGITS, new double[][] {{1}, {2}, {3}})
                .withGroup(Role.TARGET_PROBS, new double[][] {{0.2}, {0.3}, {0.5}});
        double[] one = new double[1];
        ce.rowWeights(soft, one, 1);
        assertArrayEquals(new double[] {1}, one);
    }

    @Test
    void multiClassChecks() throws LossSpecException {
        double[][] logits = {{0, 0, 0, 0, 0}, {1, 1, 1, 1, 1}, {2, 2, 2, 2, 2}};
        ArrayInputs in = new ArrayInputs(5).withGroup(Role.LOGITS, logits).with(Role.TARGET, 2, 3, 1.5, -100, -1);
        RowLoss ce = loss("ce");
        assertNull(ce.check(in, 0));
        RowProblem notAClass = new RowProblem(Role.TARGET, 0, RowChecks.NOT_A_CLASS);
        assertEquals(notAClass, ce.check(in, 1));
        assertEquals(notAClass, ce.check(in, 2));
        assertNull(ce.check(in, 3), "ignore_index");
        assertEquals(notAClass, ce.check(in, 4));
        assertNull(loss("ce:ignore_index=-1").check(in, 4));
        for (String spec : List.of("focal_multiclass", "multi_margin")) {
            assertNull(loss(spec).check(in, 0), spec);
            assertEquals(notAClass, loss(spec).check(in, 3), spec + ": no ignore_index");
        }
        double[][] probs = {{0.2}, {0.3}, {1.2}};
        ArrayInputs badProbs = new ArrayInputs(1).withGroup(Role.PROBS, probs).with(Role.TARGET, 0);
        assertEquals(new RowProblem(Role.PROBS, 2, RowChecks.NOT_A_PROBABILITY), ce.check(badProbs, 0));
        ArrayInputs badTarget = new ArrayInputs(1).withGroup(Role.LOGITS, new double[][] {{0}, {1}, {2}})
                .withGroup(Role.TARGET_PROBS, new double[][] {{0.5}, {-0.1}, {0.6}});
        RowProblem negative = new RowProblem(Role.TARGET_PROBS, 1, RowChecks.NEGATIVE_PROBABILITY);
        assertEquals(negative, ce.check(badTarget, 0));
        assertEquals(negative, loss("kl").check(badTarget, 0));
    }

    @Test
    void multiClassFormProblems() throws LossSpecException {
        Map<Role, Integer> tenLogits = Map.of(Role.LOGITS, 10, Role.TARGET, 1);
        assertEquals("weight has 3 values but --logits has 10 columns",
                loss("ce:weight=[1,2,3]").formProblem(columns(tenLogits)));
        assertEquals("weight has 3 values but --probs has 10 columns",
                loss("ce:weight=[1,2,3]").formProblem(columns(Map.of(Role.PROBS, 10, Role.TARGET, 1))));
        assertEquals("alpha has 1 value but --logits has 10 columns",
                loss("focal_multiclass:alpha=[1]").formProblem(columns(tenLogits)));
        assertEquals("weight has 2 values but --logits has 10 columns",
                loss("multi_margin:weight=[1,2]").formProblem(columns(tenLogits)));
        assertEquals("--logits has 10 columns but --target-probs has 9",
                loss("ce").formProblem(columns(Map.of(Role.LOGITS, 10, Role.TARGET_PROBS, 9))));
        assertEquals("--probs has 10 columns but --target-probs has 9",
                loss("kl").formProblem(columns(Map.of(Role.PROBS, 10, Role.TARGET_PROBS, 9))));
        assertEquals("--logits has 10 columns but --teacher-logits has 9",
                loss("distillation").formProblem(columns(Map.of(Role.LOGITS, 10, Role.TEACHER_LOGITS, 9, Role.TARGET, 1))));
        // an unused role's width does not matter: with --target, --target-probs is not read
        assertNull(loss("ce").formProblem(columns(Map.of(Role.LOGITS, 10, Role.TARGET, 1, Role.TARGET_PROBS, 9))));
        assertNull(loss("ce:weight=[1,2,3]").formProblem(columns(Map.of(Role.LOGITS, 3, Role.TARGET, 1))));
        assertEquals(Ce.ZERO_WEIGHT_WITH_SMOOTHING,
                loss("ce:weight=[1,0,3],label_smoothing=0.1").formProblem(columns(Map.of(Role.LOGITS, 3, Role.TARGET, 1))));
        assertNull(loss("ce:weight=[1,0,3]").formProblem(columns(Map.of(Role.LOGITS, 3, Role.TARGET, 1))));
        // check() reports it on every row
        ArrayInputs in = new ArrayInputs(1).withGroup(Role.LOGITS, new double[][] {{0}, {1}}).with(Role.TARGET, 0);
        assertEquals(new RowProblem(Role.LOGITS, 0, "weight has 3 values but --logits has 2 columns"),
                loss("ce:weight=[1,2,3]").check(in, 0));
    }

    @Test
    void embeddingChecksAndForms() throws LossSpecException {
        RowLoss contrastive = loss("contrastive");
        ArrayInputs distances = new ArrayInputs(3).with(Role.DISTANCE, 0.5, -0.5, 0.5).with(Role.TARGET, 0, 0, 2);
        assertNull(contrastive.check(distances, 0));
        assertEquals(new RowProblem(Role.DISTANCE, 0, "negative distance"), contrastive.check(distances, 1));
        assertEquals(new RowProblem(Role.TARGET, 0, RowChecks.NOT_A_BINARY_LABEL), contrastive.check(distances, 2));
        assertEquals("--x1 has 3 columns but --x2 has 4",
                contrastive.formProblem(columns(Map.of(Role.X1, 3, Role.X2, 4, Role.TARGET, 1))));
        assertNull(contrastive.formProblem(columns(Map.of(Role.DISTANCE, 1, Role.TARGET, 1))));
        assertEquals("--anchor has 8 columns but --negative has 7", loss("triplet").formProblem(
                columns(Map.of(Role.ANCHOR, 8, Role.POSITIVE, 8, Role.NEGATIVE, 7))));
    }

    @Test
    void contrastiveLabelConvention() throws LossSpecException {
        ArrayInputs in = new ArrayInputs(2).with(Role.DISTANCE, 0.4, 0.4).with(Role.TARGET, 0, 1);
        // the seed's convention: 0 = similar (pays 0.5 d^2), 1 = dissimilar (pays 0.5 (m - d)^2)
        assertArrayEquals(new double[] {0.08, 0.18}, rows(loss("contrastive"), in), 1e-15);
        assertArrayEquals(new double[] {0.18, 0.08}, rows(loss("contrastive:similar=1"), in), 1e-15);
    }

    @Test
    void infoNceIncludesThePositiveInTheDenominator() throws LossSpecException {
        ArrayInputs in = new ArrayInputs(1).with(Role.SIM_POS, 0.5).withGroup(Role.SIM_NEG, new double[][] {{0.1}, {0.2}});
        double expected = -Math.log(Math.exp(5) / (Math.exp(5) + Math.exp(1) + Math.exp(2)));
        assertEquals(expected, rows(loss("infonce"), in)[0], 1e-15);
    }

    @Test
    void constructorsCheckTheirDomains() {
        assertThrows(IllegalArgumentException.class, () -> new Bce(0));
        assertThrows(IllegalArgumentException.class, () -> new Focal(-1, 0.25));
        assertThrows(IllegalArgumentException.class, () -> new Focal(2, -0.5));
        assertThrows(IllegalArgumentException.class, () -> new Ce(1.5, null, -100));
        assertThrows(IllegalArgumentException.class, () -> new Ce(0, new double[0], -100));
        assertThrows(IllegalArgumentException.class, () -> new Ce(0, new double[] {1, -1}, -100));
        assertThrows(IllegalArgumentException.class, () -> new MultiMarginLoss(3, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new DistillationLoss(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ContrastiveLoss(0, false));
        assertThrows(IllegalArgumentException.class, () -> new TripletMarginLoss(1, 0, 1e-6, false));
        assertThrows(IllegalArgumentException.class, () -> new InfoNceLoss(0));
        assertEquals("multi_margin: p must be an integer 1 or 2, got 3",
                assertThrows(IllegalArgumentException.class, () -> new MultiMarginLoss(3, 1, null)).getMessage());
    }

    @Test
    void classWeightsAreCopied() {
        double[] weights = {1, 2};
        Ce ce = new Ce(0, weights, -100);
        weights[0] = 5;
        assertEquals(1.0, ce.params().get("weight[0]"));
        assertFalse(ce.params().containsKey("weight[2]"));
    }

    /** The column counts of a run's binding, 0 for a role not given, as the evaluator passes them. */
    private static ToIntFunction<Role> columns(Map<Role, Integer> given) {
        Map<Role, Integer> copy = new EnumMap<>(given);
        return role -> copy.getOrDefault(role, 0);
    }
}
