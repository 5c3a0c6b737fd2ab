package org.losseval.report;

import java.util.List;

/**
 * The distribution of the residuals r = pred - target on a symmetric log scale: each bin is one octave of
 * |r| on one side of zero ([2<sup>e</sup>, 2<sup>e+1</sup>) or (-2<sup>e+1</sup>, -2<sup>e</sup>]), and the
 * octaves more than {@code octaves} below the largest |r| are one central bin around zero (zero itself
 * included). Bins are listed in increasing r, contiguous from the lowest occupied bin to the highest,
 * empty ones included, so a plot of them needs no gaps filled in. Counts are exact whatever the row count.
 *
 * @param rows    the residuals counted (the sum of the bins' counts)
 * @param octaves how many octaves below the largest |r| get a bin of their own on each side
 * @param bins    the bins, in increasing r; empty without rows
 */
public record ResidualHistogram(long rows, int octaves, List<HistogramBin> bins) {
    public ResidualHistogram {
        bins = List.copyOf(bins);
    }
}
