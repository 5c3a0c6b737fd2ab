package org.losseval.loss.math;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.losseval.FixtureCsv;

/**
 * Reads the fixtures that {@code src/test/resources/reference/classification/make_reference.py} writes
 * from PyTorch 1.13, scikit-learn 1.2 and mpmath: simple CSV without quoting, '#' lines are comments.
 * Multi-value inputs are turned column-major ({@code cols[k][row]}), as batches hold them.
 */
final class ClassificationFixtures {
    private ClassificationFixtures() {}

    /** The inputs of one case: per-row fields (a column, or columns for a vector field) and per-case vectors. */
    record Case(String name, int rows, Map<String, double[][]> columns, Map<String, double[]> vectors) {
        /** A per-row field holding one number per row. */
        double[] column(String field) {
            double[][] cols = columns(field);
            if (cols.length != 1) throw new IllegalStateException(name + "." + field + " has " + cols.length + " columns");
            return cols[0];
        }

        /** A per-row field, column-major. */
        double[][] columns(String field) {
            double[][] cols = columns.get(field);
            if (cols == null) throw new IllegalStateException("case " + name + " has no field " + field);
            return cols;
        }

        double[] vector(String field) {
            double[] v = vectors.get(field);
            if (v == null) throw new IllegalStateException("case " + name + " has no vector " + field);
            return v;
        }
    }

    /** One row's loss: PyTorch's value (null where the script writes none), the exact value and the cancellation scale. */
    record ExpectedRow(String caseName, int row, String loss, Map<String, String> params, Double torch, double exact,
                       double scale) {}

    /** PyTorch's own reduction of one loss over one case. */
    record ExpectedMean(String caseName, String loss, Map<String, String> params, double torchMean, String source) {}

    static Map<String, Case> cases() {
        Map<String, Map<String, Map<Integer, double[]>>> byCase = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> vectors = new LinkedHashMap<>();
        for (String[] f : read("inputs.csv", 4)) {
            int row = Integer.parseInt(f[1]);
            double[] values = numbers(f[3]);
            if (row < 0) {
                vectors.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], values);
            } else {
                byCase.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent(f[2], k -> new TreeMap<>()).put(row, values);
            }
        }
        Map<String, Case> cases = new LinkedHashMap<>();
        byCase.forEach((name, fields) -> {
            Map<String, double[][]> columns = new LinkedHashMap<>();
            int rows = -1;
            for (Map.Entry<String, Map<Integer, double[]>> e : fields.entrySet()) {
                Map<Integer, double[]> byRow = e.getValue();
                if (rows >= 0 && rows != byRow.size()) throw new IllegalStateException(name + ": ragged field " + e.getKey());
                rows = byRow.size();
                int width = byRow.get(0).length;
                double[][] cols = new double[width][rows];
                for (int r = 0; r < rows; r++) {
                    double[] values = byRow.get(r);
                    for (int k = 0; k < width; k++) cols[k][r] = values[k];
                }
                columns.put(e.getKey(), cols);
            }
            cases.put(name, new Case(name, rows, columns, vectors.getOrDefault(name, Map.of())));
        });
        return cases;
    }

    static List<ExpectedRow> rows() {
        List<ExpectedRow> out = new ArrayList<>();
        for (String[] f : read("rows.csv", 7)) {
            Double torch = f[4].isEmpty() ? null : Double.valueOf(f[4]);
            out.add(new ExpectedRow(f[0], Integer.parseInt(f[1]), f[2], params(f[3]), torch,
                    Double.parseDouble(f[5]), Double.parseDouble(f[6])));
        }
        return out;
    }

    static List<ExpectedMean> means() {
        List<ExpectedMean> out = new ArrayList<>();
        for (String[] f : read("means.csv", 5)) {
            out.add(new ExpectedMean(f[0], f[1], params(f[2]), Double.parseDouble(f[3]), f[4]));
        }
        return out;
    }

    private static Map<String, String> params(String text) {
        return FixtureCsv.params(text);
    }

    private static double[] numbers(String text) {
        return FixtureCsv.numbers(text);
    }

    private static List<String[]> read(String file, int columns) {
        return FixtureCsv.read("/reference/classification/" + file, columns);
    }
}
