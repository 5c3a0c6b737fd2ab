package org.losseval.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every classification and embedding loss, parsed from a spec and run through its class as the evaluator runs
 * it (check, rowLosses, rowWeights, Σ w·l / Σ w), against the fixtures of
 * {@code src/test/resources/reference/classification/make_reference.py}: per row against 60-digit mpmath
 * values of the same formula, and per case against PyTorch 1.13's own reduction (mean with class weights and
 * ignore_index, batchmean). The functions themselves are tested in loss.math; this tests the wiring: specs,
 * parameters, input forms, row weights.
 */
class ClassificationLossReferenceTest {

    /** As loss.math's reference test: a few ulps per operation, amplified by the largest exponent, plus the scale of cancelling terms. */
    private static final double EXACT_RELATIVE = 3e-14;
    private static final double SUBNORMAL_FLOOR = 0x1p-1000;

    /** PyTorch's means over ≤ 200 rows, summed pairwise there and in order here. */
    private static final double MEAN_RELATIVE = 1e-13;
    private static final double MEAN_ABSOLUTE = 2e-15;

    private static final Map<String, ClassificationReference.Case> CASES = ClassificationReference.cases();

    /** Runs by fixture line (case, loss, parameters), each computed once: rows.csv has one line per row. */
    private static final Map<String, Optional<Run>> RUNS = new HashMap<>();

    /**
     * A fixture line's loss as this package runs it: the loss, the inputs bound to roles, and the evaluator's
     * terms: the loss's own row weights w and w·l (w = 1 unless the loss weighs rows).
     */
    private record Run(RowLoss loss, ArrayInputs inputs, double[] weights, double[] weightedRows) {
        static Run of(RowLoss loss, ArrayInputs inputs) {
            int n = inputs.size();
            double[] rows = new double[n];
            loss.rowLosses(inputs, rows, n);
            double[] w = new double[n];
            loss.rowWeights(inputs, w, n);
            assertTrue(loss.weighsRows() || Arrays.stream(w).allMatch(v -> v == 1), loss.spec());
            for (int i = 0; i < n; i++) rows[i] = w[i] == 0 ? 0 : w[i] * rows[i];
            return new Run(loss, inputs, w, rows);
        }
    }

    @Test
    void rowsMatchTheExactValues() throws LossSpecException {
        List<String> failures = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        int compared = 0;
        for (ClassificationReference.ExactRow e : ClassificationReference.rows()) {
            Run run = run(e.caseName(), e.loss(), e.params());
            if (run == null) continue;
            covered.add(run.loss().name());
            double actual = run.weightedRows()[e.row()];
            double tolerance = EXACT_RELATIVE * (Math.abs(e.exact()) + e.scale()) + SUBNORMAL_FLOOR;
            compared++;
            if (!(Math.abs(actual - e.exact()) <= tolerance)) {
                failures.add(e.caseName() + " row " + e.row() + " " + run.loss().spec() + ": " + actual + " vs " + e.exact());
            }
        }
        assertTrue(compared > 10_000, compared + " rows compared");
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " rows differ");
        // every built-in loss that is not a regression loss has reference rows here
        Set<String> classification = new TreeSet<>(LossRegistry.builtIn().names());
        RegressionLossReferenceTest.regressionDefinitions().forEach(d -> classification.remove(d.name()));
        // gaussian_nll, zero_one and ece have theirs in reference/figures (FigureReferenceTest)
        classification.removeAll(Set.of("gaussian_nll", "zero_one", "ece"));
        assertEquals(13, classification.size(), classification.toString());
        assertEquals(classification, covered);
    }

    @Test
    void meansReproducePyTorchReductions() throws LossSpecException {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (ClassificationReference.TorchMean e : ClassificationReference.means()) {
            Run run = run(e.caseName(), e.loss(), e.params());
            if (run == null) continue;
            double actual = Arrays.stream(run.weightedRows()).sum() / Arrays.stream(run.weights()).sum();
            compared++;
            if (!(Math.abs(actual - e.mean()) <= MEAN_RELATIVE * Math.abs(e.mean()) + MEAN_ABSOLUTE)) {
                failures.add(e.caseName() + " " + run.loss().spec() + ": " + actual + " vs torch " + e.mean());
            }
        }
        assertTrue(compared > 150, compared + " means compared");
        assertEquals(List.of(), failures);
    }

    @Test
    void fixtureRowsAreValidInputs() throws LossSpecException {
        List<String> problems = new ArrayList<>();
        for (ClassificationReference.TorchMean e : ClassificationReference.means()) {
            Run run = run(e.caseName(), e.loss(), e.params());
            if (run == null) continue;
            assertTrue(run.inputs().fits(run.loss().definition()), run.loss().spec());
            assertEquals(null, run.loss().formProblem(Checks.columns(run.inputs())), run.loss().spec());
            for (int i = 0; i < run.inputs().size(); i++) {
                RowProblem p = run.loss().check(run.inputs(), i);
                if (p != null) problems.add(e.caseName() + " row " + i + " " + run.loss().spec() + ": " + p);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The loss and inputs for a fixture line, or null for the fixture's plain distance functions (not losses). */
    private static Run run(String caseName, String fixtureLoss, Map<String, String> params) throws LossSpecException {
        String key = caseName + "/" + fixtureLoss + "/" + params;
        Optional<Run> cached = RUNS.get(key);
        if (cached == null) {
            cached = Optional.ofNullable(newRun(caseName, fixtureLoss, params));
            RUNS.put(key, cached);
        }
        return cached.orElse(null);
    }

    private static Run newRun(String caseName, String fixtureLoss, Map<String, String> params) throws LossSpecException {
        ClassificationReference.Case c = CASES.get(caseName);
        ArrayInputs in = new ArrayInputs(c.rows());
        String spec;
        switch (fixtureLoss) {
            case "bce", "brier" -> {
                spec = fixtureLoss;
                in.with(Role.PRED, c.field("p")[0]).with(Role.TARGET, c.field("y")[0]);
            }
            case "bce_logits" -> {
                spec = "bce:pos_weight=" + params.get("pos_weight");
                in.with(Role.LOGITS, c.field("z")[0]).with(Role.TARGET, c.field("y")[0]);
            }
            case "focal_logits", "focal_prob" -> {
                spec = "focal:gamma=" + params.get("gamma") + ",alpha=" + params.get("alpha");
                in.with(fixtureLoss.equals("focal_prob") ? Role.PRED : Role.LOGITS,
                        c.field(fixtureLoss.equals("focal_prob") ? "p" : "z")[0]).with(Role.TARGET, c.field("y")[0]);
            }
            case "hinge", "squared_hinge" -> {
                spec = fixtureLoss;
                in.with(Role.PRED, c.field("z")[0]).with(Role.TARGET, c.field("y")[0]);
            }
            case "ce", "ce_soft", "ce_prob", "ce_prob_soft" -> {
                spec = "ce:label_smoothing=" + params.get("label_smoothing")
                        + (params.get("weighted").equals("1") ? ",weight=" + list(c.vector("class_weight")) : "");
                in.withGroup(fixtureLoss.startsWith("ce_prob") ? Role.PROBS : Role.LOGITS,
                        c.field(fixtureLoss.startsWith("ce_prob") ? "probs" : "logits"));
                if (fixtureLoss.endsWith("soft")) {
                    in.withGroup(Role.TARGET_PROBS, c.field("target"));
                } else {
                    in.with(Role.TARGET, c.field("label_ignore")[0]);
                }
            }
            case "kl", "kl_prob" -> {
                spec = "kl";
                in.withGroup(fixtureLoss.equals("kl") ? Role.LOGITS : Role.PROBS,
                        c.field(fixtureLoss.equals("kl") ? "logits" : "probs")).withGroup(Role.TARGET_PROBS, c.field("target"));
            }
            case "focal_mc" -> {
                spec = "focal_multiclass:gamma=" + params.get("gamma")
                        + (params.get("alpha").equals("1") ? ",alpha=" + list(c.vector("class_alpha")) : "");
                in.withGroup(Role.LOGITS, c.field("logits")).with(Role.TARGET, c.field("label")[0]);
            }
            case "multi_margin" -> {
                spec = "multi_margin:p=" + params.get("p") + ",margin=" + params.get("margin")
                        + (params.get("weighted").equals("1") ? ",weight=" + list(c.vector("class_weight")) : "");
                in.withGroup(Role.LOGITS, c.field("logits")).with(Role.TARGET, c.field("label")[0]);
            }
            case "distillation" -> {
                spec = "distillation:T=" + params.get("temperature") + ",alpha=" + params.get("alpha");
                in.withGroup(Role.LOGITS, c.field("logits")).withGroup(Role.TEACHER_LOGITS, c.field("teacher"))
                        .with(Role.TARGET, c.field("label")[0]);
            }
            case "contrastive", "contrastive_emb" -> {
                spec = "contrastive:margin=" + params.getOrDefault("margin", "1") + ",similar=" + params.get("similar_is_one");
                if (fixtureLoss.equals("contrastive")) {
                    in.with(Role.DISTANCE, c.field("d")[0]);
                } else {
                    in.withGroup(Role.X1, c.field("x1")).withGroup(Role.X2, c.field("x2"));
                }
                in.with(Role.TARGET, c.field("y")[0]);
            }
            case "triplet" -> {
                spec = "triplet:margin=" + params.get("margin") + ",p=" + params.get("p") + ",eps=" + params.get("eps")
                        + ",swap=" + params.get("swap");
                in.withGroup(Role.ANCHOR, c.field("anchor")).withGroup(Role.POSITIVE, c.field("positive"))
                        .withGroup(Role.NEGATIVE, c.field("negative"));
            }
            case "infonce" -> {
                spec = "infonce:temperature=" + params.get("temperature");
                double[][] sims = c.field("sims");
                in.with(Role.SIM_POS, sims[0]).withGroup(Role.SIM_NEG, Arrays.copyOfRange(sims, 1, sims.length));
            }
            case "pairwise_distance", "euclidean" -> {
                return null;
            }
            default -> throw new IllegalArgumentException("no loss for fixture line " + fixtureLoss);
        }
        Loss loss = LossSpecs.parse(List.of(spec), LossRegistry.builtIn()).get(0).loss();
        return Run.of((RowLoss) loss, in);
    }

    private static String list(double[] values) {
        StringJoiner joiner = new StringJoiner(",", "[", "]");
        for (double v : values) joiner.add(Double.toString(v));
        return joiner.toString();
    }
}
