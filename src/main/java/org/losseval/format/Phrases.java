package org.losseval.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

/**
 * The wording shared by the printers for people (table and Markdown), so both say the same thing the
 * same way. Numbers come in through a formatter, so the precision stays the printer's choice.
 */
final class Phrases {
    /** The role name of the weight column in {@link Report#columns()}. */
    static final String WEIGHT_ROLE = "weight";

    private Phrases() {}

    /**
     * Whether the run read weights. Decided from the columns rather than from {@code weightSum != count},
     * because weights that happen to be all 1 are still weights the user asked for.
     */
    static boolean weighted(Report report) {
        return report.columns().stream().anyMatch(c -> WEIGHT_ROLE.equals(c.role()));
    }

    /**
     * "spec" or "label (spec)", followed by the parameters resolved from the data:
     * {@code huber:delta=mad  (delta = 12.5)}.
     */
    static String loss(LossResult loss, DoubleFunction<String> number) {
        StringBuilder text = new StringBuilder();
        if (loss.label() != null) {
            text.append(loss.label()).append(" (").append(loss.spec()).append(')');
        } else {
            text.append(loss.spec());
        }
        if (!loss.resolvedParams().isEmpty()) {
            List<String> resolved = new ArrayList<>();
            for (String name : loss.resolvedParams()) {
                Double value = loss.params().get(name);
                resolved.add(name + " = " + number.apply(value == null ? Double.NaN : value));
            }
            text.append("  (").append(String.join(", ", resolved)).append(')');
        }
        return text.toString();
    }

    /** "houses.csv (csv)". */
    static String input(InputReport input) {
        return input.name() + " (" + input.format() + ")";
    }

    /** "3 rows read, 2 used, 1 skipped". */
    static String rows(RowCounts rows) {
        return rows.read() + (rows.read() == 1 ? " row" : " rows") + " read, " + rows.used() + " used, "
                + rows.skipped() + " skipped";
    }

    /**
     * What the run read: "houses.csv (csv): 3 rows read, 3 used, 0 skipped" for one input, or
     * "2 inputs: a.csv (csv), b.csv (csv); 5 rows read, 4 used, 1 skipped".
     */
    static String inputsLine(Report report) {
        List<InputReport> inputs = report.inputs();
        if (inputs.size() == 1) return input(inputs.get(0)) + ": " + rows(report.rows());
        List<String> names = new ArrayList<>();
        for (InputReport input : inputs) names.add(input(input));
        String listed = names.isEmpty() ? "" : ": " + String.join(", ", names);
        return inputs.size() + " inputs" + listed + "; " + rows(report.rows());
    }
}
