package org.losseval.format;

import java.io.PrintWriter;
import java.util.Map;
import org.losseval.report.Advice;
import org.losseval.report.Advice.Reason;
import org.losseval.report.AdviceSettings;
import org.losseval.report.Calibration;
import org.losseval.report.ClassBalance;
import org.losseval.report.NoiseFit;
import org.losseval.text.Numbers;

/**
 * Renders the advice of {@code losseval advise}: for people, a verdict line and one line per rule, each
 * with the figures it rests on; for machines, the same as JSON (docs/advice-schema.md). The wording of each
 * {@link Reason} lives here, once.
 */
public final class AdvicePrinter {
    /** Significant digits of the figures in the text. */
    private static final int DIGITS = 4;

    private AdvicePrinter() {}

    public static void text(Advice advice, PrintWriter out) {
        out.println("use " + advice.spec() + verdictTail(advice));
        for (Reason reason : advice.reasons()) out.println("  " + wording(reason, advice));
        out.println("(" + advice.rows().used() + " rows of " + advice.rows().read() + " used; thresholds: "
                + thresholds(advice.settings()) + ")");
        out.flush();
    }

    private static String verdictTail(Advice advice) {
        if (!advice.problem().equals("classification")) return "";
        return advice.logits() ? " with logits" : " (from probabilities: give --logits if you have them)";
    }

    /** One line per rule, each naming the figures it was decided on. */
    static String wording(Reason reason, Advice advice) {
        NoiseFit n = advice.noise();
        AdviceSettings s = advice.settings();
        return switch (reason) {
            case OUTLIERS_HOLD_THE_MSE -> n.outlierRows() + " robust outlier" + (n.outlierRows() == 1 ? "" : "s")
                    + " (|r - median| > " + num(s.outlierFactor()) + " x 1.4826 x MAD " + num(n.mad()) + ") "
                    + (n.outlierRows() == 1 ? "holds " : "hold ")
                    + Numbers.percent(n.outlierMseShare()) + " of the squared error (> " + Numbers.percent(s.outlierMseShare())
                    + "): MSE would chase them; Huber with delta = 1.345 x 1.4826 x MAD = " + num(n.huberDelta())
                    + " (95% efficiency under Gaussian noise, Huber 1981) keeps the rest quadratic";
            case HEAVIER_THAN_LAPLACE -> likelihoods(n) + ", and excess kurtosis " + num(n.excessKurtosis())
                    + " > " + num(s.heavyTailKurtosis()) + ": tails heavier than Laplace's (3); Huber with delta = "
                    + num(n.huberDelta()) + " (1.345 x 1.4826 x MAD) caps them";
            case LAPLACE_FITS_BETTER -> likelihoods(n) + ", excess kurtosis " + num(n.excessKurtosis()) + " <= "
                    + num(s.heavyTailKurtosis()) + ": Laplace noise, which MAE assumes (it estimates the median)";
            case GAUSSIAN_FITS -> likelihoods(n) + ", excess kurtosis " + num(n.excessKurtosis())
                    + ", robust outliers hold " + Numbers.percent(n.outlierMseShare())
                    + " of the squared error: Gaussian noise, which MSE assumes";
            case RARE_CLASS -> "class " + advice.balance().rarest() + " is " + Numbers.percent(advice.balance().rarestShare())
                    + " of the rows (< " + Numbers.percent(s.rareClassShare()) + "): focal loss down-weights the easy majority";
            case CLASSES_BALANCED -> "the rarest class, " + advice.balance().rarest() + ", is "
                    + Numbers.percent(advice.balance().rarestShare()) + " of the rows (>= "
                    + Numbers.percent(s.rareClassShare()) + "): plain cross-entropy";
            case WITH_LOGITS -> "logits given: compute cross-entropy from them (log-sum-exp, never log(0))";
            case FROM_PROBABILITIES -> "only probabilities given: each log is clamped at -100, as PyTorch does";
            case OVER_CONFIDENT -> calibration(advice.calibration(), " > ", s)
                    + ": over-confident; try label smoothing (ce:label_smoothing=0.1) or temperature scaling";
            case UNDER_CONFIDENT -> calibration(advice.calibration(), " > ", s)
                    + ": under-confident; temperature scaling (T < 1) would sharpen the probabilities";
            case CALIBRATED -> calibration(advice.calibration(), " <= ", s) + ": calibrated enough";
        };
    }

    private static String likelihoods(NoiseFit n) {
        String better = n.laplaceLogLik() > n.gaussianLogLik() ? "Laplace" : "Gaussian";
        return better + " fits the residuals better: log-likelihood per row " + num(n.laplaceLogLik())
                + " (Laplace) vs " + num(n.gaussianLogLik()) + " (Gaussian)";
    }

    private static String calibration(Calibration c, String comparison, AdviceSettings s) {
        return "top-label ECE (15 bins) " + num(c.ece()) + comparison + num(s.calibrationEce()) + " (mean confidence "
                + num(c.meanConfidence()) + " vs accuracy " + num(c.accuracy()) + ")";
    }

    private static String thresholds(AdviceSettings s) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> t : thresholdMap(s).entrySet()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(t.getKey()).append(' ').append(num(t.getValue()));
        }
        return sb.toString();
    }

    /** The thresholds by their JSON names, which are their options without dashes. */
    static Map<String, Double> thresholdMap(AdviceSettings s) {
        Map<String, Double> map = new java.util.LinkedHashMap<>();
        map.put("outlier_factor", s.outlierFactor());
        map.put("outlier_mse_share", s.outlierMseShare());
        map.put("heavy_tail_kurtosis", s.heavyTailKurtosis());
        map.put("rare_class_share", s.rareClassShare());
        map.put("calibration_ece", s.calibrationEce());
        return map;
    }

    private static String num(double v) { return Numbers.human(v, DIGITS); }

    public static void json(Advice advice, PrintWriter out) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("schema_version").value(Advice.SCHEMA_VERSION);
        json.name("tool_version").value(advice.toolVersion());
        json.name("rows").beginObject().name("read").value(advice.rows().read()).name("used").value(advice.rows().used())
                .name("skipped").value(advice.rows().skipped()).endObject();
        json.name("problem").value(advice.problem());
        json.name("verdict").value(advice.verdict());
        json.name("spec").value(advice.spec());
        json.name("logits").value(advice.logits());
        json.name("reasons").beginArray();
        for (Reason reason : advice.reasons()) {
            json.beginObject().name("rule").value(reason.jsonName()).name("text").value(wording(reason, advice)).endObject();
        }
        json.endArray();
        NoiseFit n = advice.noise();
        if (n != null) {
            json.name("noise").beginObject()
                    .name("rows").value(n.rows())
                    .name("gaussian_loglik_per_row").value(n.gaussianLogLik())
                    .name("laplace_loglik_per_row").value(n.laplaceLogLik())
                    .name("excess_kurtosis").value(n.excessKurtosis())
                    .name("median").value(n.median())
                    .name("mad").value(n.mad())
                    .name("outlier_rows").value(n.outlierRows())
                    .name("outlier_mse_share").value(n.outlierMseShare())
                    .name("huber_delta").value(n.huberDelta())
                    .endObject();
        }
        ClassBalance b = advice.balance();
        if (b != null) {
            json.name("class_counts").beginArray();
            for (long c : b.counts()) json.value(c);
            json.endArray();
            json.name("rarest_class").value(b.rarest()).name("rarest_share").value(b.rarestShare());
        }
        Calibration c = advice.calibration();
        if (c != null) {
            json.name("calibration").beginObject().name("ece").value(c.ece()).name("mean_confidence").value(c.meanConfidence())
                    .name("accuracy").value(c.accuracy()).endObject();
        }
        json.name("thresholds").beginObject();
        thresholdMap(advice.settings()).forEach((k, v) -> json.name(k).value(v));
        json.endObject();
        json.endObject();
        out.println(json);
        out.flush();
    }
}
