package org.losseval.format;

import org.losseval.report.LossContribution;
import org.losseval.report.Report;

/**
 * Which sections of a report the printers for people ({@link TablePrinter}, {@link MarkdownPrinter},
 * {@link HtmlPrinter}) show.
 * Decided here once, because a rule kept in each printer drifts: the guard against an empty loss table
 * (a run of only {@code --quantile}/{@code --interval} columns) was once added to the table printer and not
 * to Markdown, which went on printing a loss table header without rows.
 *
 * <p>The rule throughout: a section that would be a table is present only when the table has a row, so no
 * printer ever shows a header without rows.
 *
 * @param losses        the losses table: the run evaluated at least one loss
 * @param contributions how concentrated each loss is (shares table, outlier definition, notes): contributions
 *                      are on ({@code --no-contrib} not given) and cover at least one loss, since every
 *                      row of the shares table is a loss
 * @param worstRows     the worst rows, within the contributions: some loss lists a worst row
 * @param quantiles     the quantiles table: at least one {@code --quantile}
 * @param intervals     the intervals table: at least one {@code --interval}
 * @param perInput      a losses table per input: two or more inputs (one input would repeat the totals)
 *                      and at least one loss
 * @param skipped       the skipped-rows table: some row was skipped ({@code --skip-invalid})
 * @param gates         the gate verdicts: at least one {@code --fail-if}
 * @param curves        the concentration curves ({@link HtmlPrinter} only): contributions with rows
 * @param histogram     the residual histogram ({@link HtmlPrinter} only): contributions whose residuals
 *                      were counted, at least one
 * @param reliability   the reliability diagram ({@link HtmlPrinter} only): a classification run with
 *                      --logits and labels, with rows
 * @param comparison    the comparison with a baseline: the run compared at least one figure
 * @param groups        the group table, the worst groups and their caveat: --group-by with at least one group
 */
record Sections(boolean losses, boolean contributions, boolean worstRows, boolean quantiles, boolean intervals,
                boolean perInput, boolean skipped, boolean gates, boolean curves, boolean histogram,
                boolean reliability, boolean comparison, boolean groups) {

    static Sections of(Report report) {
        boolean losses = !report.losses().isEmpty();
        boolean contributions = report.contributions() != null && !report.contributions().losses().isEmpty();
        boolean worstRows = false;
        boolean curves = false;
        if (contributions) {
            // Loops, not streams: each lambda is linked at every start, and every run prints (issue 14 item 4).
            for (LossContribution loss : report.contributions().losses()) {
                worstRows |= !loss.worstRows().isEmpty();
                curves |= !loss.curve().isEmpty();
            }
        }
        return new Sections(losses, contributions, worstRows, !report.quantiles().isEmpty(),
                !report.intervals().isEmpty(), losses && report.inputs().size() >= 2, report.rows().skipped() > 0,
                !report.gates().isEmpty(),
                curves,
                contributions && report.contributions().histogram() != null
                        && report.contributions().histogram().rows() > 0,
                report.reliability() != null && report.reliability().rows() > 0,
                report.comparison() != null && !report.comparison().figures().isEmpty(),
                report.groups() != null && !report.groups().groups().isEmpty());
    }
}
