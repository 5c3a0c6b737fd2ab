package org.losseval.loss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.losseval.FixtureCsv;

/**
 * Reads the PyTorch 1.13 / mpmath fixtures of {@code src/test/resources/reference/classification/}
 * (written by its {@code make_reference.py}): inputs per case, exact per-row values and PyTorch's own means.
 * The loss.math tests have their own package-private reader; this one gives the loss package the same data.
 */
final class ClassificationReference {
    private ClassificationReference() {}

    /** Per-row fields of a case, column-major ({@code field[k][row]}), and its per-case vectors. */
    record Case(String name, int rows, Map<String, double[][]> fields, Map<String, double[]> vectors) {
        double[][] field(String name) {
            double[][] f = fields.get(name);
            if (f == null) throw new IllegalStateException("case " + this.name + " has no field " + name);
            return f;
        }

        double[] vector(String name) {
            double[] v = vectors.get(name);
            if (v == null) throw new IllegalStateException("case " + this.name + " has no vector " + name);
            return v;
        }
    }

    /** One row's exact value (60-digit mpmath on the float64 inputs) and the size of the terms that cancel. */
    record ExactRow(String caseName, int row, String loss, Map<String, String> params, double exact, double scale) {}

    /** PyTorch's own reduction of one loss over one case. */
    record TorchMean(String caseName, String loss, Map<String, String> params, double mean) {}

    static Map<String, Case> cases() {
        Map<String, Map<String, Map<Integer, double[]>>> fields = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> vectors = new LinkedHashMap<>();
        for (String[] f : read("inputs.csv", 4)) {
            int row = Integer.parseInt(f[1]);
            double[] values = numbers(f[3]);
            if (row < 0) {
                vectors.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], values);
            } else {
                fields.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(f[2], k -> new TreeMap<>())
                        .put(row, values);
            }
        }
        Map<String, Case> cases = new LinkedHashMap<>();
        fields.forEach((name, byField) -> {
            Map<String, double[][]> columns = new LinkedHashMap<>();
            int rows = byField.values().iterator().next().size();
            byField.forEach((field, byRow) -> {
                double[][] cols = new double[byRow.get(0).length][rows];
                byRow.forEach((r, values) -> {
                    for (int k = 0; k < values.length; k++) cols[k][r] = values[k];
                });
                columns.put(field, cols);
            });
            cases.put(name, new Case(name, rows, columns, vectors.getOrDefault(name, Map.of())));
        });
        return cases;
    }

    static List<ExactRow> rows() {
        List<ExactRow> out = new ArrayList<>();
        for (String[] f : read("rows.csv", 7)) {
            out.add(new ExactRow(f[0], Integer.parseInt(f[1]), f[2], params(f[3]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])));
        }
        return out;
    }

    static List<TorchMean> means() {
        List<TorchMean> out = new ArrayList<>();
        for (String[] f : read("means.csv", 5)) out.add(new TorchMean(f[0], f[1], params(f[2]), Double.parseDouble(f[3])));
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
