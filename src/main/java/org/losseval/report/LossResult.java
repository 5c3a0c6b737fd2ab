package org.losseval.report;

import java.util.List;
import java.util.Map;

/**
 * The value of one loss over some rows.
 *
 * @param label          the label given with {@code -l label=SPEC}, or null
 * @param spec           the normalized spec, e.g. "huber:delta=15" (for a data-resolved parameter the
 *                       spec as requested, e.g. "huber:delta=mad")
 * @param name           the canonical loss name
 * @param params         every parameter with its resolved value, defaults included
 * @param resolvedParams the parameters whose value was resolved from the data (e.g. "delta" for
 *                       delta=mad); empty otherwise
 * @param value          the loss: the weighted mean of the row losses (or its finish, e.g. the square
 *                       root for rmse); NaN when no row was used; the midpoint of {@code range}
 * @param count          rows it covers
 * @param weightSum      the sum of weights it covers (equal to count without --weight)
 * @param clamped        rows whose loss was clamped (bce from probabilities clamps each log at -100)
 * @param range          the value as a range: {@code [value, value]} when exact; a bracket that holds the
 *                       exact value for an order statistic ({@code medae}) beyond the exact-memory budget,
 *                       which gates judge at the end worse for them and printers show as approximate
 */
public record LossResult(String label, String spec, String name, Map<String, Double> params,
                         List<String> resolvedParams, double value, long count, double weightSum, long clamped,
                         Range range) {
    /** A loss whose value is known exactly. */
    public LossResult(String label, String spec, String name, Map<String, Double> params,
                      List<String> resolvedParams, double value, long count, double weightSum, long clamped) {
        this(label, spec, name, params, resolvedParams, value, count, weightSum, clamped, Range.of(value));
    }

    /** How figures and reports name this loss: its label, or else its spec. */
    public String key() { return FigureNames.lossKey(label, spec); }

    public LossResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        resolvedParams = List.copyOf(resolvedParams);
        if (Double.compare(value, range.mid()) != 0) {
            throw new IllegalArgumentException("value " + value + " is not the midpoint of " + range);
        }
    }
}
