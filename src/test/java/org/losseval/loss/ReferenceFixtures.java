package org.losseval.loss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losseval.FixtureCsv;

/**
 * Reads the fixtures that {@code src/test/resources/reference/make_reference.py} writes from PyTorch and
 * scikit-learn. The files are simple CSV without quoting ('#' lines are comments); a quoted field fails
 * loudly rather than being misread.
 */
final class ReferenceFixtures {
    private ReferenceFixtures() {}

    /** The rows of one case. */
    record Case(String name, double[] pred, double[] target, double[] weight) {}

    /** A mean and a weighted mean computed by an independent implementation. */
    record Expected(String caseName, String spec, double mean, double weightedMean, String source) {}

    /** The loss of one row computed by an independent implementation. */
    record ExpectedRow(String caseName, int row, String spec, double value, String source) {}

    static Map<String, Case> cases() {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (String[] f : read("regression_rows.csv", 5)) {
            rows.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        Map<String, Case> cases = new LinkedHashMap<>();
        rows.forEach((name, list) -> {
            int n = list.size();
            double[] pred = new double[n], target = new double[n], weight = new double[n];
            for (int i = 0; i < n; i++) {
                pred[i] = list.get(i)[0];
                target[i] = list.get(i)[1];
                weight[i] = list.get(i)[2];
            }
            cases.put(name, new Case(name, pred, target, weight));
        });
        return cases;
    }

    static List<Expected> expected() {
        List<Expected> out = new ArrayList<>();
        for (String[] f : read("regression_expected.csv", 5)) {
            out.add(new Expected(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4]));
        }
        return out;
    }

    static List<ExpectedRow> expectedRows() {
        List<ExpectedRow> out = new ArrayList<>();
        for (String[] f : read("regression_row_losses.csv", 5)) {
            out.add(new ExpectedRow(f[0], Integer.parseInt(f[1]), f[2], Double.parseDouble(f[3]), f[4]));
        }
        return out;
    }

    private static List<String[]> read(String file, int columns) {
        return FixtureCsv.read("/reference/" + file, columns);
    }
}
