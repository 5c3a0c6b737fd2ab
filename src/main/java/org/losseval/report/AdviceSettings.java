package org.losseval.report;

/**
 * The thresholds of {@code losseval advise}, each a documented parameter (its option) rather than a number
 * in prose; the advice echoes them so every verdict can be re-derived from the report.
 *
 * @param outlierFactor     a residual is a robust outlier when |r - median| &gt; factor × 1.4826 × MAD
 *                          (the rule and default of {@code eval --outlier-factor})
 * @param outlierMseShare   robust outliers holding more than this share of Σ r² call for Huber: a few rows
 *                          would steer an MSE fit (Gaussian noise gives about 0.03 at factor 3, Laplace 0.4)
 * @param heavyTailKurtosis when Laplace fits better, an excess kurtosis above this calls for Huber rather
 *                          than MAE: tails heavier than Laplace's own (whose excess kurtosis is 3)
 * @param rareClassShare    a class with a smaller share of rows calls for focal loss
 * @param calibrationEce    an ECE above this is worth fixing (label smoothing or temperature scaling)
 */
public record AdviceSettings(double outlierFactor, double outlierMseShare, double heavyTailKurtosis,
                             double rareClassShare, double calibrationEce) {

    public static final double DEFAULT_OUTLIER_FACTOR = 3.0;
    public static final double DEFAULT_OUTLIER_MSE_SHARE = 0.6;
    public static final double DEFAULT_HEAVY_TAIL_KURTOSIS = 6.0;
    public static final double DEFAULT_RARE_CLASS_SHARE = 0.05;
    public static final double DEFAULT_CALIBRATION_ECE = 0.05;

    public AdviceSettings {
        check("--outlier-factor", outlierFactor, outlierFactor > 0 && Double.isFinite(outlierFactor));
        check("--outlier-mse-share", outlierMseShare, outlierMseShare >= 0 && outlierMseShare <= 1);
        check("--heavy-tail-kurtosis", heavyTailKurtosis, Double.isFinite(heavyTailKurtosis));
        check("--rare-class-share", rareClassShare, rareClassShare >= 0 && rareClassShare <= 1);
        check("--calibration-ece", calibrationEce, calibrationEce >= 0 && calibrationEce <= 1);
    }

    public static AdviceSettings defaults() {
        return new AdviceSettings(DEFAULT_OUTLIER_FACTOR, DEFAULT_OUTLIER_MSE_SHARE, DEFAULT_HEAVY_TAIL_KURTOSIS,
                DEFAULT_RARE_CLASS_SHARE, DEFAULT_CALIBRATION_ECE);
    }

    private static void check(String option, double value, boolean valid) {
        if (!valid) throw new IllegalArgumentException(option + " is out of range: " + org.losseval.text.Numbers.exact(value));
    }
}
