package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.List;
import org.losseval.loss.ResidualScale;

/**
 * Every residual (pred - target) of the rows used, with its weight when weighted, kept for losses whose
 * parameter is resolved from the data ({@code huber:delta=mad}). Memory: 8 bytes per row (16 with
 * weights), in blocks so growth never copies.
 *
 * <p>The median and the MAD are exact and unweighted: they describe the spread of the residuals, which is
 * what the seed's advice ("set δ to the median absolute deviation of your residuals") refers to. The
 * median of an even count is the mean of the two middle values. With no residuals both are NaN. The
 * weights are kept for the deferred loss itself ({@link #forEachBlock}), not for its scale.
 *
 * <p>Batch view: {@link #accept} reads the residuals of rows {@code [0, n)} (computed by the batch's
 * kernels) and their sample weights. {@link #result} needs 8 bytes per row more while it runs (one array
 * to select in). Not thread-safe; combine per-thread states.
 */
public final class ResidualSample implements MergeableState<ResidualSample, ResidualScale> {
    /** Rows per block. */
    public static final int BLOCK = 1 << 15; // 256 KiB: under G1 a larger array may become a wasteful humongous object
    private final boolean weighted;
    private final List<double[]> residualBlocks = new ArrayList<>();
    private final List<double[]> weightBlocks = new ArrayList<>();
    private int fillOfLast = BLOCK;
    private long size;

    public ResidualSample(boolean weighted) { this.weighted = weighted; }

    /** Appends {@code residuals[0, n)} and their weights (null exactly when the sample is unweighted). */
    public void accept(double[] residuals, double[] weights, int n) {
        if (weighted != (weights != null)) throw new IllegalArgumentException("weights must be given exactly when weighted");
        int done = 0;
        while (done < n) {
            if (fillOfLast == BLOCK) {
                residualBlocks.add(new double[BLOCK]);
                if (weighted) weightBlocks.add(new double[BLOCK]);
                fillOfLast = 0;
            }
            int take = Math.min(n - done, BLOCK - fillOfLast);
            int last = residualBlocks.size() - 1;
            System.arraycopy(residuals, done, residualBlocks.get(last), fillOfLast, take);
            if (weighted) System.arraycopy(weights, done, weightBlocks.get(last), fillOfLast, take);
            fillOfLast += take;
            done += take;
        }
        size += n;
    }

    /** Appends the other sample's rows (order does not matter for the statistics). */
    @Override
    public void combine(ResidualSample other) {
        if (other.weighted != weighted) throw new IllegalArgumentException("cannot combine weighted and unweighted samples");
        other.forEachBlock(this::accept);
    }

    public long size() { return size; }

    public boolean weighted() { return weighted; }

    /** Calls {@code visitor} with each block of residuals (and weights, or null) in the order they were added. */
    public void forEachBlock(BlockVisitor visitor) {
        for (int b = 0; b < residualBlocks.size(); b++) {
            int n = b == residualBlocks.size() - 1 ? fillOfLast : BLOCK;
            visitor.visit(residualBlocks.get(b), weighted ? weightBlocks.get(b) : null, n);
        }
    }

    /** Receives one block of rows. */
    @FunctionalInterface
    public interface BlockVisitor {
        void visit(double[] residuals, double[] weights, int n);
    }

    /** The median and the median absolute deviation; NaN for both when the sample is empty. */
    @Override
    public ResidualScale result() {
        if (size == 0) return new ResidualScale(Double.NaN, Double.NaN);
        if (size > Integer.MAX_VALUE - 8) throw new IllegalStateException("too many residuals for an exact median: " + size);
        double[] all = new double[(int) size];
        int[] at = {0};
        forEachBlock((values, weights, n) -> {
            System.arraycopy(values, 0, all, at[0], n);
            at[0] += n;
        });
        double median = Selection.median(all);
        for (int i = 0; i < all.length; i++) all[i] = Math.abs(all[i] - median);
        return new ResidualScale(median, Selection.median(all));
    }
}
