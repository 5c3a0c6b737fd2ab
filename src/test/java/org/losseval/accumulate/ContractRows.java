package org.losseval.accumulate;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.losseval.loss.ArrayInputs;
import org.losseval.loss.LossInputs;
import org.losseval.loss.Role;

/**
 * Random rows for {@link StateContractTest}, built to be awkward: regression values with ties, +0.0 and
 * -0.0, huge (up to 1e200, whose square overflows) and tiny (subnormal) magnitudes; weights with ties and
 * zeros; residuals of +0.0 and -0.0 often enough that the median is a zero of either sign; probabilities of
 * exactly 0 and 1 (bce clamps them); three-class labels and logits; intervals that do not cross; and two sources with their own 1-based row numbers, so that worst-row ties are decided by
 * real (source, row) pairs whatever the chunking.
 */
final class ContractRows {
    static final int CLASSES = 3;

    final int size;
    final int[] source;
    final long[] row;
    final double[] pred;
    final double[] target;
    final double[] weight;
    final double[] prob;
    final double[] binary;
    final double[] label;
    final double[][] logits = new double[CLASSES][];
    final double[] lower;
    final double[] upper;
    /** A loss that can be negative (like gaussian_nll), for undefined shares. */
    final double[] signedLoss;

    ContractRows(int size, long seed) {
        this.size = size;
        Random random = new Random(seed);
        source = new int[size];
        row = new long[size];
        pred = new double[size];
        target = new double[size];
        weight = new double[size];
        prob = new double[size];
        binary = new double[size];
        label = new double[size];
        for (int c = 0; c < CLASSES; c++) logits[c] = new double[size];
        lower = new double[size];
        upper = new double[size];
        signedLoss = new double[size];
        int firstOfSecondSource = size / 2;
        for (int i = 0; i < size; i++) {
            source[i] = i < firstOfSecondSource ? 0 : 1;
            row[i] = i < firstOfSecondSource ? i + 1 : i - firstOfSecondSource + 1;
            pred[i] = awkward(random);
            target[i] = random.nextInt(4) == 0 ? pred[i] : awkward(random); // exact predictions: residual +0.0
            if (random.nextInt(8) == 0) { // residual -0.0: with +0.0 in the middle, the median's sign is at stake
                pred[i] = -0.0;
                target[i] = 0.0;
            }
            weight[i] = new double[] {0, 0.5, 1, 1, 2, 3.25, 1e-300, 1e100}[random.nextInt(8)];
            prob[i] = new double[] {0, 1, 0.5, random.nextDouble(), random.nextDouble()}[random.nextInt(5)];
            binary[i] = random.nextInt(2);
            label[i] = random.nextInt(CLASSES);
            for (int c = 0; c < CLASSES; c++) logits[c][i] = random.nextInt(5) == 0 ? 0 : 4 * random.nextGaussian();
            double a = awkward(random);
            double b = random.nextInt(5) == 0 ? a : awkward(random);
            lower[i] = Math.min(a, b);
            upper[i] = Math.max(a, b);
            signedLoss[i] = random.nextInt(50) == 0 ? -random.nextDouble() : Math.abs(awkward(random));
        }
    }

    /** A value from a mix meant to break things: ties, signed zeros, huge, tiny and ordinary values. */
    private static double awkward(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> random.nextInt(3); // ties
            case 3 -> (random.nextBoolean() ? 1 : -1) * 1e150 * random.nextDouble();
            case 4 -> (random.nextBoolean() ? 1 : -1) * Double.MIN_VALUE * (1 + random.nextInt(1000));
            case 5 -> 1e-300 * random.nextGaussian();
            case 6 -> random.nextInt(200) == 0 ? 1e200 : 7.25;
            default -> 100 * random.nextGaussian();
        };
    }

    static double[] slice(double[] column, int from, int to) {
        return Arrays.copyOfRange(column, from, to);
    }

    /** Rows {@code [from, to)} bound to roles as a run binds columns. */
    LossInputs inputs(Map<Role, double[][]> roles, int from, int to) {
        Map<Role, double[][]> sliced = new EnumMap<>(Role.class);
        roles.forEach((role, columns) -> {
            double[][] copy = new double[columns.length][];
            for (int k = 0; k < copy.length; k++) copy[k] = slice(columns[k], from, to);
            sliced.put(role, copy);
        });
        return ArrayInputs.of(to - from, sliced).onActiveKernels();
    }
}
