package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.SoftmaxRows;
import org.losseval.loss.math.LogSoftmax;

/**
 * The reliability diagram's top class ({@link RunStates#topClass}, a scan for the row's maximum) is
 * {@link LogSoftmax#argmax}'s (a running maximum), ties to the first class included, on rows with many ties
 * (logits drawn from a few values, ±0.0 among them) and on continuous ones, for 1 to 12 classes; and
 * {@link RunStates#labelIsTop}, which scans only for a tie, says the same for every label.
 */
class TopClassTest {

    private static final double[] FEW = {-2.5, -0.0, 0.0, 1.0, 7.25};

    @Test
    void theFirstClassAtTheMaximumAsArgmaxTakesIt() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int classes = 1; classes <= 12; classes++) {
            int rows = 4000;
            double[][] columns = new double[classes][rows];
            for (int i = 0; i < rows; i++) {
                boolean ties = i % 2 == 0;
                for (int c = 0; c < classes; c++) {
                    columns[c][i] = ties ? FEW[random.nextInt(FEW.length)] : random.nextDouble(-30, 30);
                }
            }
            for (int i = 0; i < rows; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double[] column : columns) max = Math.max(max, column[i]);
                assertEquals(LogSoftmax.argmax(columns, i), RunStates.topClass(columns, max, i), classes + " classes, row " + i);
            }
        }
    }

    @Test
    void theLabelIsTheTopClassExactlyWhenArgmaxSaysSo() {
        // labelIsTop with the kernels' count of classes at the maximum (scalar and the active kernels, vector from
        // 2 rows on where available): every label of every row, ties and ±0.0 included.
        SplittableRandom random = new SplittableRandom(14);
        for (ClassificationKernels kernels : new ClassificationKernels[] {Kernels.scalarClassification(), Kernels.classification()}) {
            for (int classes = 1; classes <= 12; classes++) {
                int rows = 1000;
                double[][] columns = new double[classes][rows];
                for (int i = 0; i < rows; i++) {
                    boolean ties = i % 2 == 0;
                    for (int c = 0; c < classes; c++) {
                        columns[c][i] = ties ? FEW[random.nextInt(FEW.length)] : random.nextDouble(-30, 30);
                    }
                }
                SoftmaxRows softmax = new SoftmaxRows(rows);
                kernels.softmaxRows(columns, classes, softmax, rows);
                for (int i = 0; i < rows; i++) {
                    double max = softmax.shift()[i];
                    int atMax = 0;
                    for (double[] column : columns) atMax += column[i] == max ? 1 : 0;
                    assertEquals(atMax, softmax.classesAtShift()[i], kernels.description() + ", row " + i);
                    int top = LogSoftmax.argmax(columns, i);
                    for (int label = 0; label < classes; label++) {
                        assertEquals(top == label, RunStates.labelIsTop(columns, max, softmax.classesAtShift()[i], label, i),
                                kernels.description() + ", " + classes + " classes, row " + i + ", label " + label);
                    }
                }
            }
        }
    }

    @Test
    void byHand() {
        double[][] columns = {{1, 3, -0.0, 2}, {2, 3, 0.0, 2}, {2, 1, -1, 2}};
        assertEquals(1, RunStates.topClass(columns, 2, 0)); // 1 < 2 = 2: the first of the tie
        assertEquals(0, RunStates.topClass(columns, 3, 1)); // 3 = 3 > 1
        assertEquals(0, RunStates.topClass(columns, 0.0, 2)); // -0.0 == 0.0: the first
        assertEquals(0, RunStates.topClass(columns, 2, 3)); // all equal
    }
}
