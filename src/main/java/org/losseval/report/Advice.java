package org.losseval.report;

import java.util.List;

/**
 * What {@code losseval advise} found: the loss the data calls for, among the seed's five (mse, mae, huber
 * for regression; cross-entropy, focal for classification), and the figures and rules it rests on.
 *
 * @param toolVersion the version of losseval
 * @param rows        rows read, used and skipped
 * @param problem     "regression" or "classification"
 * @param verdict     mse, mae, huber, bce, ce or focal
 * @param spec        the loss to try, with a parameter where the data gives one (huber:delta=2.9)
 * @param reasons     the rules that decided, in the order they were applied ({@link Reason})
 * @param noise       the residual figures (regression), or null
 * @param balance     the class counts (classification), or null
 * @param calibration the top-label calibration (classification), or null
 * @param logits      whether logits were given (classification): cross-entropy "with logits"
 * @param settings    the thresholds the rules used
 */
public record Advice(String toolVersion, RowCounts rows, String problem, String verdict, String spec,
                     List<Reason> reasons, NoiseFit noise, ClassBalance balance, Calibration calibration,
                     boolean logits, AdviceSettings settings) {

    public Advice {
        reasons = List.copyOf(reasons);
    }

    /** The version of the JSON shape of {@code losseval advise --format json} (docs/advice-schema.md). */
    public static final int SCHEMA_VERSION = 1;

    /**
     * A rule of the advice and whether it held; the printers word each (format.AdviceWording), the JSON
     * names it. Each rests on figures of the advice.
     */
    public enum Reason {
        /** Robust outliers hold more than outlier_mse_share of Σ r². */
        OUTLIERS_HOLD_THE_MSE,
        /** The Laplace fit has the higher likelihood and the excess kurtosis is above heavy_tail_kurtosis. */
        HEAVIER_THAN_LAPLACE,
        /** The Laplace fit has the higher likelihood, tails no heavier than Laplace's. */
        LAPLACE_FITS_BETTER,
        /** The Gaussian fit has the higher (or equal) likelihood, and no outliers dominate. */
        GAUSSIAN_FITS,
        /** The rarest class is under rare_class_share of the rows. */
        RARE_CLASS,
        /** No class is rarer than rare_class_share. */
        CLASSES_BALANCED,
        /** Logits were given: cross-entropy from logits (log-sum-exp, never log(0)). */
        WITH_LOGITS,
        /** Only probabilities were given. */
        FROM_PROBABILITIES,
        /** ECE above calibration_ece and mean confidence above accuracy. */
        OVER_CONFIDENT,
        /** ECE above calibration_ece and mean confidence below accuracy. */
        UNDER_CONFIDENT,
        /** ECE at most calibration_ece. */
        CALIBRATED;

        /** The name in JSON: the constant in lower case. */
        public String jsonName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
