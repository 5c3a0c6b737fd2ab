package org.losseval.format;

import org.losseval.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.losseval.report.OutlierResult;
import org.losseval.report.ColumnRole;
import org.losseval.report.Range;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

/**
 * The wording shared by the printers for people (table and Markdown), so both say the same thing the
 * same way. Numbers come in through a formatter, so the precision stays the printer's choice. Gates are
 * worded by {@link GateWording}, which stderr uses too.
 */
final class Phrases {
    /** Marks a figure shown as the midpoint of a bracket. */
    static final String APPROXIMATE = "~";
    /** The role name of the weight column in {@link Report#columns()}. */
    static final String WEIGHT_ROLE = "weight";

    private Phrases() {}

    /**
     * Whether the run read weights. Decided from the columns rather than from {@code weightSum != count},
     * because weights that happen to be all 1 are still weights the user asked for.
     */
    static boolean weighted(Report report) {
        for (ColumnRole column : report.columns()) {
            if (WEIGHT_ROLE.equals(column.role())) return true;
        }
        return false;
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

    /**
     * A comparison's verdict as people read it: better, worse, no significant difference, undetermined; closer to
     * or farther from nominal for a coverage or calibration; more or less concentrated for a loss share.
     */
    static String verdict(org.losseval.report.Verdict verdict) {
        return switch (verdict) {
            case BETTER -> "better";
            case WORSE -> "worse";
            case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference";
            case UNDETERMINED -> "undetermined";
            case CLOSER -> "closer to nominal";
            case FARTHER -> "farther from nominal";
            case MORE_CONCENTRATED -> "more concentrated";
            case LESS_CONCENTRATED -> "less concentrated";
        };
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

    /**
     * How the rows were paired with a baseline in other files, for the line under the inputs: "baseline
     * old.parquet, by key id: 5 rows read, 5 paired, 0 unpaired", with the unpaired rows' reasons when some
     * were ("... 2 unpaired (key not in candidate: 2)"); "by position" without --key.
     */
    static String baselineLine(org.losseval.report.PairingReport pairing) {
        String files = pairing.files().size() == 1 ? pairing.files().get(0)
                : pairing.files().size() + " files: " + String.join(", ", pairing.files());
        String how = pairing.keys().isEmpty() ? "by position" : "by key " + String.join(", ", pairing.keys());
        StringBuilder sb = new StringBuilder("baseline ").append(files).append(", ").append(how).append(": ")
                .append(pairing.rowsRead()).append(pairing.rowsRead() == 1 ? " row" : " rows").append(" read, ")
                .append(pairing.rowsPaired()).append(" paired, ").append(pairing.rowsUnpaired()).append(" unpaired");
        if (!pairing.unpairedByReason().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            pairing.unpairedByReason().forEach((reason, n) -> reasons.add(reason + ": " + n));
            sb.append(" (").append(String.join(", ", reasons)).append(')');
        }
        return sb.toString();
    }

    /** "99.59%", or "~99.59%" for the midpoint of a bracket. */
    /**
     * "crps 0.4167 (2 x the mean pinball loss over 3 levels); quantile crossings: 2 of 5000 rows (0.04%)":
     * the line under the quantiles table when two or more quantile columns are given.
     */
    static String quantileSet(org.losseval.report.QuantileSetResult set, DoubleFunction<String> number) {
        return "crps " + number.apply(set.crps()) + " (2 x the mean pinball loss over " + set.columns().size()
                + " levels); quantile crossings: " + set.crossingRows() + " of " + set.rows() + " rows ("
                + Numbers.percent(set.crossingShare()) + ")";
    }

    static String share(Range share) {
        return share.exact() ? Numbers.percent(share.low()) : APPROXIMATE + Numbers.percent(share.mid());
    }

    /** A number, or "~" and the midpoint of a bracket. */
    static String approximate(Range range, DoubleFunction<String> number) {
        return range.exact() ? number.apply(range.low()) : APPROXIMATE + number.apply(range.mid());
    }

    /**
     * "robust outliers: 1 row with |r - median| > 3 x 1.4826 x MAD = 88.956 (median 10, MAD 20)"; a bracketed
     * count reads "between 3 and 5 rows".
     */
    static String outliers(OutlierResult outliers, DoubleFunction<String> number) {
        if (Double.isNaN(outliers.median().low())) {
            return "robust outliers: not available (they need residuals: --pred and --target)";
        }
        Range count = outliers.count();
        String rows = count.exact() ? number.apply(count.low()) + (count.low() == 1 ? " row" : " rows")
                : "between " + number.apply(count.low()) + " and " + number.apply(count.high()) + " rows";
        return "robust outliers: " + rows + " with |r - median| > " + number.apply(outliers.factor()) + " x "
                + number.apply(OutlierResult.NORMAL_MAD_SCALE) + " x MAD = " + approximate(outliers.threshold(), number)
                + " (median " + approximate(outliers.median(), number) + ", MAD " + approximate(outliers.mad(), number)
                + ")";
    }

    /** Said once under the shares when some are brackets. */
    static String approximateNote() {
        return APPROXIMATE + " marks an approximate figure: the run had more rows than the exact memory budget holds,"
                + " so it is the midpoint of a bracket around the exact value (--format json gives both ends)";
    }

    /** "shares of mse are undefined: 2 rows have a negative or non-finite contribution". */
    static String undefinedShares(String lossKey, long undefinedRows) {
        return "shares of " + lossKey + " are undefined: " + undefinedRows + (undefinedRows == 1 ? " row has" : " rows have")
                + " a negative or non-finite contribution";
    }

    /** "groups by region, device: 12 groups, 10 ranked (at least 30 rows), worst first by mse". */
    static String groupsLine(org.losseval.report.GroupReport groups) {
        long count = groups.groups().size();
        String by = groups.groups().get(0).losses().isEmpty() ? ""
                : ", worst first by " + groups.groups().get(0).losses().get(0).key();
        return "groups by " + String.join(", ", groups.columns()) + ": " + count + (count == 1 ? " group, " : " groups, ")
                + groups.rankedCount() + " ranked (at least " + groups.minRows() + " rows)" + by;
    }

    /** "worst group by mse: region=eu, mse = 4.2 (95% CI [3.1, 5.3]), 120 rows", or that none is ranked. */
    static String worstGroup(org.losseval.report.GroupReport groups, org.losseval.report.GroupReport.WorstGroup worst,
                             DoubleFunction<String> number) {
        return worstGroup(groups, worst, "worst group by " + worst.key(), worst.key(), number);
    }

    /** "worst group by delta of mse: region=eu, delta = 0.4 (95% CI [0.1, 0.7]), 120 rows" (with a baseline). */
    static String worstGroupDelta(org.losseval.report.GroupReport groups, org.losseval.report.GroupReport.WorstGroup worst,
                                  DoubleFunction<String> number) {
        return worstGroup(groups, worst, "worst group by delta of " + worst.key(), "delta", number);
    }

    private static String worstGroup(org.losseval.report.GroupReport groups, org.losseval.report.GroupReport.WorstGroup worst,
                                     String head, String figure, DoubleFunction<String> number) {
        if (worst.values().isEmpty()) {
            return head + ": none (no group has at least " + groups.minRows() + " rows and a value)";
        }
        String ci = worst.interval() == null ? ""
                : " (" + Numbers.percentNumber(worst.interval().level()) + "% CI "
                + GroupTables.interval(worst.interval(), number) + ")";
        return head + ": " + org.losseval.report.FigureNames.groupLabel(groups.columns(),
                worst.values()) + ", " + figure + " = " + approximate(worst.range(), number) + ci + ", " + worst.rows()
                + (worst.rows() == 1 ? " row" : " rows");
    }

    /** Why the worst group must be read with care (see {@link org.losseval.report.GroupReport}). */
    static String worstGroupCaveat() {
        return "note: the worst of many groups is biased upward, the more so the more and the smaller the groups;"
                + " its interval does not account for picking the worst.";
    }
}
