package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.losseval.report.Calibration;

/**
 * The bins of {@link CalibrationBins} at their boundaries, as TorchMetrics' {@code bucketize(right=True)}
 * over {@code linspace(0, 1, 16)} puts them (a boundary belongs to the bin above it, 1 has its own), and
 * the ECE of a hand-made case. Merging is {@link StateContractTest}'s; the reference values on real-sized
 * data are {@code cli.AdviseCommandTest}'s.
 */
class CalibrationBinsTest {

    @Test
    void boundariesBelongToTheBinAbove() {
        assertEquals(0, CalibrationBins.bin(0));
        assertEquals(0, CalibrationBins.bin(Math.nextDown(1 / 15.0)));
        assertEquals(1, CalibrationBins.bin(1 / 15.0));
        for (int b = 1; b < 15; b++) {
            double boundary = b / 15.0;
            assertEquals(b, CalibrationBins.bin(boundary), "boundary " + b);
            assertEquals(b - 1, CalibrationBins.bin(Math.nextDown(boundary)), "below boundary " + b);
        }
        assertEquals(14, CalibrationBins.bin(Math.nextDown(1.0)));
        assertEquals(15, CalibrationBins.bin(1.0));
    }

    @Test
    void eceIsTheRowWeightedGapOfEachBin() {
        CalibrationBins bins = new CalibrationBins();
        // bin 14: 0.95 (hit) and 0.97 (miss); bin 13: 0.9 (hit); bin 15: 1.0 (hit)
        bins.accept(new double[] {0.95, 0.9, 0.97, 1.0}, new boolean[] {true, true, false, true}, 4);
        Calibration c = bins.result();
        double expected = (Math.abs(1 - (0.95 + 0.97)) + Math.abs(1 - 0.9) + 0) / 4;
        assertEquals(expected, c.ece(), 1e-16);
        assertEquals(0.75, c.accuracy());
        assertEquals(0.955, c.meanConfidence()); // the exact sum, rounded once
        assertEquals(new Calibration(0, Double.NaN, Double.NaN, Double.NaN), new CalibrationBins().result());
    }
}
