package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losseval.report.HistogramBin;
import org.losseval.report.ResidualHistogram;

/**
 * The edges of {@link ResidualHistogramState} worked by hand (the reference cases, from numpy data and
 * math.frexp, are in ContributionStateTest; split and merge in StateContractTest).
 */
class ResidualHistogramStateTest {
    private static ResidualHistogram of(double... residuals) {
        ResidualHistogramState state = new ResidualHistogramState();
        state.accept(residuals, residuals.length);
        return state.result();
    }

    @Test
    void noRowsGiveNoBins() {
        assertEquals(new ResidualHistogram(0, 12, List.of()), of());
    }

    @Test
    void onlyZerosOfEitherSignAreOneBinHoldingZero() {
        assertEquals(new ResidualHistogram(3, 12, List.of(new HistogramBin(0, 0, 3))), of(0.0, -0.0, 0.0));
    }

    @Test
    void anOctaveHoldsItsLowerEdgeAndNotItsUpperOne() {
        // 1 and 1.999 are in [1, 2); 2 is in [2, 4); -1 in (-2, -1]. The largest |r| is 2 (exponent 1), so the
        // octaves from 2^-10 up have bins and the central bin is (-2^-10, 2^-10).
        ResidualHistogram histogram = of(1, 1.999, 2, -1);
        List<HistogramBin> bins = histogram.bins();
        assertEquals(new HistogramBin(-2, -1, 1), bins.get(0));
        assertEquals(new HistogramBin(-1, -0.5, 0), bins.get(1));
        HistogramBin central = bins.get(11);
        assertEquals(new HistogramBin(-0x1p-10, 0x1p-10, 0), central);
        assertEquals(new HistogramBin(1, 2, 2), bins.get(bins.size() - 2));
        assertEquals(new HistogramBin(2, 4, 1), bins.get(bins.size() - 1));
        assertEquals(1 + 10 + 1 + 11 + 1, bins.size(), "(-2,-1], 10 empty negative octaves, central, 11 positive, [2,4)");
    }

    @Test
    void residualsMoreThanTwelveOctavesBelowTheLargestJoinTheCentralBin() {
        // 4096 = 2^12: its octave is the top one; the lowest with a bin of its own is 2^1, so 1, 0 and -1.5 are
        // central, and 2 is in [2, 4).
        List<HistogramBin> bins = of(4096, 1, 0, -1.5, 2).bins();
        assertEquals(new HistogramBin(-2, 2, 3), bins.get(0), "central first: no negative octave has rows");
        assertEquals(new HistogramBin(2, 4, 1), bins.get(1));
        assertEquals(new HistogramBin(4096, 8192, 1), bins.get(bins.size() - 1));
        assertEquals(13, bins.size());
    }

    @Test
    void anOverflowedResidualIsInTheTopOctaveUpToInfinity() {
        List<HistogramBin> bins = of(Double.POSITIVE_INFINITY, Double.MAX_VALUE, -0x1p1023).bins();
        assertEquals(new HistogramBin(Double.NEGATIVE_INFINITY, -0x1p1023, 1), bins.get(0));
        assertEquals(new HistogramBin(0x1p1023, Double.POSITIVE_INFINITY, 2), bins.get(bins.size() - 1));
        assertEquals(25, bins.size(), "12 octaves on each side and the central bin");
    }

    @Test
    void aNaNResidualIsRefusedBeforeAnyRowIsCounted() {
        ResidualHistogramState state = new ResidualHistogramState();
        assertThrows(IllegalArgumentException.class, () -> state.accept(new double[] {1, Double.NaN}, 2));
        assertEquals(new ResidualHistogram(0, 12, List.of()), state.result());
    }
}
