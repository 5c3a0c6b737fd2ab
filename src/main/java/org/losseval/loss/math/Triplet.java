package org.losseval.loss.math;

/**
 * PyTorch {@code TripletMarginLoss(margin, p, eps, swap)} of one (anchor, positive, negative) row
 * (aten/src/ATen/native/Loss.cpp {@code triplet_margin_loss}):
 * <pre>
 *   d(x, y) = ‖x − y + eps‖_p                         (PyTorch's pairwise_distance: eps is added to the difference)
 *   d_neg   = d(a, n), or min(d(a, n), d(p, n)) with swap (the "distance swap" of Balntas et al. 2016)
 *   loss    = max(margin + d(a, p) − d_neg, 0)
 * </pre>
 * PyTorch's defaults are margin 1, p 2, eps 1e-6, swap false. Evaluated in PyTorch's order
 * ({@code margin + d_pos − d_neg}); near the hinge the result is a difference of two distances, so its
 * absolute error is a few ulps of {@code margin + d_pos + d_neg}, as in PyTorch.
 */
public final class Triplet {
    private Triplet() {}

    /** PyTorch's default eps of pairwise_distance. */
    public static final double DEFAULT_EPS = 1e-6;

    public static double of(double[][] anchor, double[][] positive, double[][] negative, int row, double margin,
                            double p, double eps, boolean swap) {
        double dPos = Distances.pairwise(anchor, positive, row, p, eps);
        double dNeg = Distances.pairwise(anchor, negative, row, p, eps);
        if (swap) dNeg = Math.min(dNeg, Distances.pairwise(positive, negative, row, p, eps));
        return Math.max(margin + dPos - dNeg, 0);
    }
}
