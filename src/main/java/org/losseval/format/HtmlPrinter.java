package org.losseval.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.losseval.report.ContributionResult;
import org.losseval.report.CurvePoint;
import org.losseval.report.FractionShare;
import org.losseval.report.GateOutcome;
import org.losseval.report.HistogramBin;
import org.losseval.report.InputReport;
import org.losseval.report.IntervalReport;
import org.losseval.report.IntervalResult;
import org.losseval.report.LossContribution;
import org.losseval.report.OutlierResult;
import org.losseval.report.QuantileReport;
import org.losseval.report.ReliabilityBin;
import org.losseval.report.ReliabilityDiagram;
import org.losseval.report.Report;
import org.losseval.report.ReportFigures;
import org.losseval.report.ResidualHistogram;
import org.losseval.text.Numbers;

/**
 * One self-contained HTML page for people to open, attach to a CI job and print: inline CSS and inline SVG
 * ({@link SvgPlot}), no script, no font or image fetched from anywhere, light and dark colour schemes
 * ({@code prefers-color-scheme}), a print stylesheet, and the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies). The page is well-formed XML as well as HTML5, so a test can parse it.
 *
 * <p>Sections, each present only when the report has its figures ({@link Sections}): the summary (inputs,
 * rows, the skipped rows, the losses, the gates marked ✓ or ✗); loss concentration (the shares table, and
 * per loss the curve of the share the worst x% of rows hold, x on a log axis from one row to all of them,
 * the top-1, top-K and top-fraction points marked, a bracket drawn as a band); residuals (a histogram on a
 * log count axis with the median and the robust-outlier thresholds marked, the worst rows beside it);
 * quantiles (observed against nominal level) and intervals (coverage with its Clopper–Pearson interval
 * against the nominal level, mean width and interval score); classification (a reliability diagram with
 * its bins, for runs with {@code --logits}); and last, every figure of the report ({@link ReportFigures})
 * with its exact value. Every number a plot shows is also in a table on the page. Not yet: the comparison
 * and per-group sections, whose figures the report does not carry yet (the batch-reports issue).
 *
 * <p>The tables are the ones the table and Markdown printers show ({@link LossTables}, {@link FigureTables}),
 * escaped for HTML; numbers use the printer's precision; the figures table is always exact. Size: the plots
 * are drawn from the report's bounded summaries (at most 29 curve points per loss, at most 25 histogram
 * bins), so the page does not grow with the row count.
 */
public final class HtmlPrinter implements Printer {
    /** Okabe & Ito (2008), "Color Universal Design": the colours of the lines, in order, by CSS class. */
    private static final String[] OKABE_ITO = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"
    };
    private static final String PASSED = "✓";
    private static final String FAILED = "✗";

    private final DoubleFunction<String> number;

    /** @param significantDigits 1..17, see {@link Numbers#human(double, int)} */
    public HtmlPrinter(int significantDigits) {
        Numbers.checkSignificantDigits(significantDigits);
        this.number = v -> Numbers.human(v, significantDigits);
    }

    /** Text for HTML element content and attribute values: the five characters XML reserves. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void print(Report report, PrintWriter out) {
        Sections sections = Sections.of(report);
        boolean weighted = Phrases.weighted(report);
        UnaryOperator<String> escape = HtmlPrinter::escape;
        List<String> page = new ArrayList<>();
        page.add("<!DOCTYPE html>");
        page.add("<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">");
        page.add("<head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        page.add("<title>losseval: " + escape(Phrases.inputsLine(report)) + "</title>");
        page.add("<style>" + STYLE + "</style></head>");
        page.add("<body><main>");
        page.add("<h1>losseval</h1>");
        summary(report, sections, weighted, page);
        if (sections.comparison()) comparison(report, page);
        if (sections.contributions()) concentration(report, sections, page);
        if (sections.histogram() || sections.worstRows()) residuals(report, sections, weighted, page);
        if (sections.quantiles() || sections.intervals()) quantilesAndIntervals(report, sections, page);
        if (sections.reliability()) classification(report.reliability(), page);
        if (sections.groups()) groups(report, page);
        page.add("<section id=\"every-figure\"><h2>Every figure</h2>");
        page.add("<p>Every figure of the report by the name <code>--fail-if</code> takes, exact; a bracket "
                + "(beyond the exact-memory budget) gives both ends, and the value is its midpoint.</p>");
        page.addAll(figures(report).htmlLines("figures"));
        page.add("</section>");
        page.add("<footer>losseval " + escape(report.toolVersion()) + ", kernel " + escape(report.kernel())
                + ", JSON schema " + report.schemaVersion() + "</footer>");
        page.add("</main></body></html>");
        for (String line : page) out.write(line + "\n");
        out.flush();
    }

    private void summary(Report report, Sections sections, boolean weighted, List<String> page) {
        page.add("<section id=\"summary\"><h2>Summary</h2>");
        if (sections.gates()) {
            boolean passed = report.gatesPassed();
            page.add("<p class=\"verdict " + (passed ? "pass" : "fail") + "\">" + (passed ? PASSED : FAILED) + " "
                    + escape(GateWording.summary(report.gates())) + "</p>");
            page.add("<ul class=\"gates\">");
            for (GateOutcome gate : report.gates()) {
                page.add("<li class=\"" + (gate.passed() ? "pass" : "fail") + "\"><span class=\"mark\">"
                        + (gate.passed() ? PASSED + " pass" : FAILED + " fail") + "</span> "
                        + GateWording.judged(gate, v -> escape(number.apply(v)), t -> "<code>" + escape(t) + "</code>")
                        + "</li>");
            }
            page.add("</ul>");
        }
        page.add("<p>" + escape(Phrases.inputsLine(report)) + "</p>");
        if (report.pairing() != null) page.add("<p>" + escape(Phrases.baselineLine(report.pairing())) + "</p>");
        if (sections.losses()) {
            page.addAll(LossTables.losses(report.losses(), weighted, number, HtmlPrinter::escape).htmlLines("losses"));
            if (LossTables.anyApproximate(report)) page.add("<p>" + escape(Phrases.approximateNote()) + "</p>");
        }
        if (sections.skipped()) page.addAll(LossTables.skipped(report.rows(), HtmlPrinter::escape).htmlLines("skipped"));
        if (sections.perInput()) {
            for (InputReport input : report.inputs()) {
                page.add("<h3>Input: " + escape(Phrases.input(input)) + "</h3>");
                page.add("<p>" + escape(Phrases.rows(input.rows())) + "</p>");
                page.addAll(LossTables.losses(input.losses(), weighted, number, HtmlPrinter::escape).htmlLines(null));
            }
        }
        page.add("</section>");
    }

    private void comparison(Report report, List<String> page) {
        page.add("<section id=\"comparison\"><h2>Against the baseline</h2>");
        page.add("<p>" + escape(ComparisonTables.heading(report)) + "</p>");
        page.addAll(ComparisonTables.comparison(report.comparison(), number, HtmlPrinter::escape).htmlLines("comparison"));
        for (String note : ComparisonTables.notes(report.comparison())) page.add("<p>" + escape(note) + "</p>");
        page.add("</section>");
    }

    private void concentration(Report report, Sections sections, List<String> page) {
        ContributionResult contributions = report.contributions();
        page.add("<section id=\"concentration\"><h2>Loss concentration</h2>");
        page.add("<p>Share of each loss's total held by its worst rows.</p>");
        page.addAll(FigureTables.concentration(contributions, HtmlPrinter::escape).htmlLines("shares"));
        for (LossContribution loss : contributions.losses()) {
            if (loss.undefinedRows() > 0) page.add("<p>" + escape(Phrases.undefinedShares(loss.loss(), loss.undefinedRows())) + "</p>");
        }
        if (!contributions.exact()) page.add("<p>" + escape(Phrases.approximateNote()) + "; the plot draws the bracket as a band.</p>");
        if (sections.curves()) {
            page.add("<figure>" + curvePlot(contributions) + "<figcaption>The share of each loss held by its worst "
                    + "rows, from one row to all of them (log axis); circles mark the top-1, top-K and top-fraction "
                    + "figures. The points are in the table below.</figcaption></figure>");
            page.add(legend(contributions.losses().stream().map(LossContribution::loss).toList()));
            page.addAll(curveTable(contributions).htmlLines("curve"));
        }
        page.add("</section>");
    }

    private static String curvePlot(ContributionResult contributions) {
        long n = contributions.rows();
        double low = n > 1 ? 1.0 / n : 0.1;
        SvgPlot plot = new SvgPlot("Loss concentration curves", "curves", SvgPlot.log10(low, 1), SvgPlot.linear(0, 1));
        // Decades from the decimal text, so 1e-7 is the double nearest 10^-7 (repeated division drifts).
        for (int k = 0; Double.parseDouble("1e-" + k) >= low * 0.999; k++) {
            double tick = Double.parseDouble("1e-" + k);
            plot.xTick(tick, Numbers.percentNumber(tick) + "%");
        }
        if (n > 1 && Math.log10(n) % 1 > 0.3) plot.xTick(low, "1 row");
        for (int pct = 0; pct <= 100; pct += 25) plot.yTick(pct / 100.0, pct + "%");
        plot.axisTitles("worst rows (share of all rows, log scale)", "share of the loss");
        List<LossContribution> losses = contributions.losses();
        for (int l = 0; l < losses.size(); l++) {
            LossContribution loss = losses.get(l);
            String series = "series" + (l % OKABE_ITO.length);
            List<double[]> band = new ArrayList<>();
            List<double[]> line = new ArrayList<>();
            for (CurvePoint point : loss.curve()) {
                band.add(new double[] {point.fraction(), point.share().low(), point.share().high()});
                line.add(new double[] {point.fraction(), point.share().mid()});
            }
            if (loss.curve().stream().anyMatch(p -> !p.share().exact())) plot.band("band " + series, band);
            plot.polyline("line " + series, line);
            String name = loss.loss();
            plot.point("mark " + series, 1.0 / n, loss.shareTop1(), name + ": top 1 row " + Numbers.percent(loss.shareTop1()));
            if (loss.topK() > 1) {
                plot.point("mark " + series, Math.min(loss.topK(), n) / (double) n, loss.shareTopK(),
                        name + ": top " + loss.topK() + " rows " + Numbers.percent(loss.shareTopK()));
            }
            for (FractionShare top : loss.topFractions()) {
                plot.point("mark " + series, top.rows() / (double) n, top.share().mid(), name + ": top "
                        + Numbers.percentNumber(top.fraction()) + "% " + Phrases.share(top.share()));
            }
        }
        return plot.svg();
    }

    /** worst rows | % of rows | one share column per loss: the points of the curves. */
    private static TextTable curveTable(ContributionResult contributions) {
        List<LossContribution> losses = contributions.losses();
        List<String> headers = new ArrayList<>(List.of("worst rows", "% of rows"));
        List<TextTable.Align> aligns = new ArrayList<>(List.of(TextTable.Align.RIGHT, TextTable.Align.RIGHT));
        for (LossContribution loss : losses) {
            headers.add(loss.loss());
            aligns.add(TextTable.Align.RIGHT);
        }
        TextTable table = new TextTable(headers, aligns);
        List<CurvePoint> grid = losses.get(0).curve(); // every loss has the same rows, so the same points
        for (int i = 0; i < grid.size(); i++) {
            List<String> cells = new ArrayList<>(List.of(Long.toString(grid.get(i).rows()),
                    rowsPercent(grid.get(i).fraction())));
            for (LossContribution loss : losses) cells.add(escape(Phrases.share(loss.curve().get(i).share())));
            table.addRow(cells);
        }
        return table;
    }

    /** A fraction of the rows as a percentage, 6 significant digits: 0.00001% stays readable, unlike 0.00%. */
    static String rowsPercent(double fraction) {
        return Numbers.human(fraction * 100, Numbers.DEFAULT_SIGNIFICANT_DIGITS) + "%";
    }

    private void residuals(Report report, Sections sections, boolean weighted, List<String> page) {
        ContributionResult contributions = report.contributions();
        // Without residuals (a classification run) there is nothing of them to show but the worst rows.
        page.add(sections.histogram() ? "<section id=\"residuals\"><h2>Residuals</h2>"
                : "<section id=\"residuals\"><h2>Worst rows</h2>");
        page.add("<p>" + escape(Phrases.outliers(contributions.outliers(), number)) + "</p>");
        page.add("<div class=\"side-by-side\">");
        if (sections.histogram()) {
            ResidualHistogram histogram = contributions.histogram();
            page.add("<figure>" + histogramPlot(histogram, contributions.outliers()) + "<figcaption>Residuals "
                    + "pred − target, one bar per octave of |r| on each side of zero (bars within 2^"
                    + histogram.octaves() + " of the largest |r|; smaller ones are the central bar), counts on a "
                    + "log axis; dashed lines mark the median and the outlier thresholds median ± threshold (within "
                    + "the bins drawn). The bins with rows are in the table below.</figcaption></figure>");
        }
        if (sections.worstRows()) {
            page.add(sections.histogram() ? "<div><h3>Worst rows</h3>" : "<div>");
            page.addAll(FigureTables.worstRows(contributions, report.inputs(), weighted, number, HtmlPrinter::escape)
                    .htmlLines("worst-rows"));
            page.add("</div>");
        }
        page.add("</div>");
        if (sections.histogram()) page.addAll(histogramTable(contributions.histogram()).htmlLines("histogram"));
        page.add("</section>");
    }

    /**
     * The bins side by side, each one slot wide (octaves are equal on a log scale); a value is placed in its
     * bin's slot, log-linearly within an octave and linearly within the central bin.
     */
    private String histogramPlot(ResidualHistogram histogram, OutlierResult outliers) {
        List<HistogramBin> bins = histogram.bins();
        long max = bins.stream().mapToLong(HistogramBin::count).max().orElse(1);
        double top = Math.pow(10, Math.max(1, Math.ceil(Math.log10(max))));
        SvgPlot plot = new SvgPlot("Histogram of the residuals", "histogram", SvgPlot.linear(0, bins.size()),
                SvgPlot.log10(0.5, top));
        for (double tick = 1; tick <= top; tick *= 10) plot.yTick(tick, Numbers.human(tick, 1));
        int every = Math.max(1, (bins.size() + 1) / 8);
        for (int i = 0; i <= bins.size(); i++) {
            if (i % every != 0 && i != bins.size()) continue;
            double edge = i < bins.size() ? bins.get(i).low() : bins.get(i - 1).high();
            plot.xTick(i, Numbers.human(edge, 3));
        }
        plot.axisTitles("residual (symmetric log scale)", "rows (log scale)");
        for (int i = 0; i < bins.size(); i++) {
            HistogramBin bin = bins.get(i);
            if (bin.count() > 0) {
                plot.bar("bar", i, i + 1, bin.count(), bin.count() + (bin.count() == 1 ? " row" : " rows")
                        + " in " + binLabel(bin));
            }
        }
        double median = outliers.median().mid();
        double threshold = outliers.threshold().mid();
        plot.marker("median", slot(bins, median), "median");
        plot.marker("threshold", slot(bins, median - threshold), "−t");
        plot.marker("threshold", slot(bins, median + threshold), "+t");
        return plot.svg();
    }

    /** Where value v falls on the histogram's axis of slots, or NaN outside the bins. */
    static double slot(List<HistogramBin> bins, double v) {
        if (!Double.isFinite(v)) return Double.NaN;
        for (int i = 0; i < bins.size(); i++) {
            HistogramBin bin = bins.get(i);
            if (v < bin.low() || v > bin.high()) continue;
            if (bin.low() == bin.high()) return i + 0.5;
            if (bin.low() < 0 && bin.high() > 0) return i + (v - bin.low()) / (bin.high() - bin.low());
            double a = Math.abs(bin.low());
            double b = Math.abs(bin.high());
            if (!Double.isFinite(a) || !Double.isFinite(b)) return i + 0.5;
            double within = (Math.log(Math.abs(v)) - Math.log(Math.min(a, b))) / Math.log(Math.max(a, b) / Math.min(a, b));
            return v > 0 ? i + within : i + 1 - within;
        }
        return Double.NaN;
    }

    private String binLabel(HistogramBin bin) {
        if (bin.low() == bin.high()) return "{" + number.apply(bin.low()) + "}";
        if (bin.low() < 0 && bin.high() > 0) return "(" + number.apply(bin.low()) + ", " + number.apply(bin.high()) + ")";
        if (bin.high() <= 0) return "(" + number.apply(bin.low()) + ", " + number.apply(bin.high()) + "]";
        return "[" + number.apply(bin.low()) + ", " + number.apply(bin.high()) + ")";
    }

    private TextTable histogramTable(ResidualHistogram histogram) {
        TextTable table = new TextTable(List.of("residual bin", "rows"), List.of(TextTable.Align.LEFT, TextTable.Align.RIGHT));
        for (HistogramBin bin : histogram.bins()) {
            if (bin.count() > 0) table.addRow(List.of(escape(binLabel(bin)), Long.toString(bin.count())));
        }
        return table;
    }

    private void quantilesAndIntervals(Report report, Sections sections, List<String> page) {
        page.add("<section id=\"quantiles\"><h2>Quantiles and intervals</h2>");
        page.add("<div class=\"side-by-side\">");
        if (sections.quantiles()) {
            SvgPlot plot = new SvgPlot("Quantile calibration", "calibration", SvgPlot.linear(0, 1), SvgPlot.linear(0, 1));
            for (int pct = 0; pct <= 100; pct += 25) {
                plot.xTick(pct / 100.0, pct + "%");
                plot.yTick(pct / 100.0, pct + "%");
            }
            plot.axisTitles("nominal level q", "observed share of y < pred");
            plot.dataLine("diagonal", 0, 0, 1, 1);
            for (QuantileReport quantile : report.quantiles()) {
                plot.point("mark series0", quantile.result().level(), quantile.result().fractionBelow(),
                        quantile.column() + ": q " + number.apply(quantile.result().level()) + ", observed "
                                + number.apply(quantile.result().fractionBelow()));
            }
            page.add("<figure>" + plot.svg() + "<figcaption>Calibration: each quantile column's observed share of "
                    + "targets below it against its level; on the diagonal when calibrated.</figcaption></figure>");
        }
        if (sections.intervals()) {
            List<IntervalReport> intervals = report.intervals();
            SvgPlot plot = new SvgPlot("Interval coverage", "coverage", SvgPlot.linear(0, 1),
                    SvgPlot.linear(intervals.size() - 0.5, -0.5));
            for (int pct = 0; pct <= 100; pct += 25) plot.xTick(pct / 100.0, pct + "%");
            for (int i = 0; i < intervals.size(); i++) plot.yTick(i, intervals.get(i).name());
            plot.axisTitles("coverage, with its confidence interval; | the nominal level", "");
            for (int i = 0; i < intervals.size(); i++) {
                IntervalResult result = intervals.get(i).result();
                plot.dataLine("nominal", result.nominal(), i - 0.3, result.nominal(), i + 0.3);
                plot.dataLine("ci", result.coverageInterval().low(), i, result.coverageInterval().high(), i);
                plot.point("mark series0", result.coverage(), i, intervals.get(i).name() + ": coverage "
                        + Numbers.percent(result.coverage()) + ", nominal " + Numbers.percent(result.nominal()));
            }
            page.add("<figure>" + plot.svg() + "<figcaption>Coverage of each interval (dot) with its "
                    + "Clopper–Pearson interval (line) against the nominal level (tick).</figcaption></figure>");
        }
        page.add("</div>");
        if (sections.quantiles()) page.addAll(FigureTables.quantiles(report.quantiles(), number, HtmlPrinter::escape)
                .htmlLines("quantiles-table"));
        if (sections.intervals()) page.addAll(FigureTables.intervals(report.intervals(), number, HtmlPrinter::escape)
                .htmlLines("intervals-table"));
        page.add("</section>");
    }

    /** The group table, the worst group of each loss and why to read it with care (as the other printers). */
    private void groups(Report report, List<String> page) {
        page.add("<section id=\"groups\"><h2>Groups</h2>");
        page.add("<p>" + escape(Phrases.groupsLine(report.groups())) + ".</p>");
        page.addAll(GroupTables.groups(report.groups(), number, HtmlPrinter::escape).htmlLines("groups"));
        List<String> notes = new ArrayList<>();
        for (var worst : report.groups().worst()) notes.add(escape(Phrases.worstGroup(report.groups(), worst, number)));
        for (var worst : report.groups().worstDelta()) notes.add(escape(Phrases.worstGroupDelta(report.groups(), worst, number)));
        notes.add(escape(Phrases.worstGroupCaveat()));
        if (GroupTables.anyApproximate(report.groups())) notes.add(escape(Phrases.approximateNote()));
        page.add("<p>" + String.join("<br/>", notes) + "</p>");
        page.add("</section>");
    }

    private void classification(ReliabilityDiagram reliability, List<String> page) {
        boolean binary = reliability.kind().equals(ReliabilityDiagram.BINARY);
        String predicted = binary ? "predicted probability of class 1" : "probability of the top class";
        String observed = binary ? "observed frequency of class 1" : "observed accuracy";
        page.add("<section id=\"classification\"><h2>Classification</h2>");
        SvgPlot plot = new SvgPlot("Reliability diagram", "reliability", SvgPlot.linear(0, 1), SvgPlot.linear(0, 1));
        for (int pct = 0; pct <= 100; pct += 20) {
            plot.xTick(pct / 100.0, pct + "%");
            plot.yTick(pct / 100.0, pct + "%");
        }
        plot.axisTitles(predicted, observed);
        plot.dataLine("diagonal", 0, 0, 1, 1);
        List<double[]> line = new ArrayList<>();
        for (ReliabilityBin bin : reliability.bins()) {
            if (bin.count() == 0) continue;
            line.add(new double[] {bin.meanPredicted(), bin.observed()});
        }
        plot.polyline("line series0", line);
        for (ReliabilityBin bin : reliability.bins()) {
            if (bin.count() == 0) continue;
            plot.point("mark series0", bin.meanPredicted(), bin.observed(), binRange(bin) + ": " + bin.count()
                    + (bin.count() == 1 ? " row" : " rows") + ", mean " + number.apply(bin.meanPredicted()) + ", observed "
                    + number.apply(bin.observed()));
        }
        page.add("<figure>" + plot.svg() + "<figcaption>Reliability diagram: in each of " + reliability.bins().size()
                + " equal bins of the " + predicted + ", the mean predicted probability against the " + observed
                + " (" + reliability.rows() + " rows); on the diagonal when calibrated. The bins are in the table "
                + "below.</figcaption></figure>");
        TextTable table = new TextTable(List.of("bin", "rows", "mean predicted", binary ? "observed" : "accuracy"),
                List.of(TextTable.Align.LEFT, TextTable.Align.RIGHT, TextTable.Align.RIGHT, TextTable.Align.RIGHT));
        for (ReliabilityBin bin : reliability.bins()) {
            table.addRow(List.of(escape(binRange(bin)), Long.toString(bin.count()), number.apply(bin.meanPredicted()),
                    number.apply(bin.observed())));
        }
        page.addAll(table.htmlLines("reliability"));
        page.add("</section>");
    }

    /** "[0, 0.1]" for the first bin, "(0.1, 0.2]" after it. */
    private String binRange(ReliabilityBin bin) {
        return (bin.low() == 0 ? "[" : "(") + number.apply(bin.low()) + ", " + number.apply(bin.high()) + "]";
    }

    /** figure | value | from | to: every figure, exact (from = to = value unless it is a bracket). */
    private static TextTable figures(Report report) {
        TextTable table = new TextTable(List.of("figure", "value", "from", "to"),
                List.of(TextTable.Align.LEFT, TextTable.Align.RIGHT, TextTable.Align.RIGHT, TextTable.Align.RIGHT));
        ReportFigures.of(report).forEach((name, range) -> table.addRow(List.of("<code>" + escape(name) + "</code>",
                Numbers.exact(range.mid()), Numbers.exact(range.low()), Numbers.exact(range.high()))));
        return table;
    }

    private static String legend(List<String> names) {
        StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
        for (int i = 0; i < names.size(); i++) {
            legend.append("<li><span class=\"swatch series").append(i % OKABE_ITO.length).append("\"></span>")
                    .append(escape(names.get(i))).append("</li>");
        }
        return legend.append("</ul>").toString();
    }

    private static final String STYLE = style();

    private static String style() {
        StringBuilder css = new StringBuilder();
        css.append(":root{color-scheme:light dark;--fg:#1a1a1a;--bg:#ffffff;--muted:#5a5a5a;--grid:#dddddd;")
                .append("--pass:#009E73;--fail:#D55E00;--bar:#0072B2}")
                .append("@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#16181c;--muted:#a8a8a8;")
                .append("--grid:#3a3d44;--bar:#56B4E9}}")
                .append("body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,")
                .append("'Segoe UI',Roboto,sans-serif}")
                .append("main{max-width:1360px;margin:0 auto;padding:1rem 1.5rem}")
                .append("h1{font-size:1.6rem;margin:.4rem 0}h2{font-size:1.25rem;border-bottom:1px solid var(--grid);")
                .append("padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem}")
                .append("table{border-collapse:collapse;margin:.6rem 0;font-variant-numeric:tabular-nums}")
                .append("th,td{padding:.2rem .6rem;border-bottom:1px solid var(--grid);text-align:left;vertical-align:top}")
                .append("th{font-weight:600}.num{text-align:right}code{font-size:.92em}")
                .append(".verdict{font-weight:700;font-size:1.1rem}.pass{color:var(--pass)}.fail{color:var(--fail)}")
                .append(".gates{list-style:none;padding-left:0}.gates li{margin:.15rem 0}.gates code{color:var(--fg)}")
                .append(".mark{display:inline-block;min-width:3.6em;font-weight:700}")
                .append("figure{margin:.6rem 0}figcaption{color:var(--muted);font-size:.88rem;max-width:640px}")
                .append(".side-by-side{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}")
                .append("svg.plot{max-width:100%;height:auto;overflow:visible}")
                .append("svg .frame{fill:none;stroke:var(--muted)}svg .grid{stroke:var(--grid);stroke-width:1}")
                .append("svg text{fill:var(--fg);font-size:12px}svg .tick{fill:var(--muted)}")
                .append("svg .line{fill:none;stroke-width:2.2}svg .band{stroke:none;fill-opacity:.25}")
                .append("svg .mark{stroke:var(--bg);stroke-width:1.5}svg .bar{fill:var(--bar)}")
                .append("svg .median{stroke:var(--fg);stroke-dasharray:4 3}")
                .append("svg .threshold{stroke:var(--fail);stroke-dasharray:6 3;stroke-width:1.5}")
                .append("svg .marker-label{font-size:11px}svg .diagonal,svg .nominal{stroke:var(--muted);stroke-width:1.5}")
                .append("svg .nominal{stroke:var(--fg);stroke-width:2.5}svg .ci{stroke:#0072B2;stroke-width:3}")
                .append(".legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}")
                .append(".swatch{display:inline-block;width:1.2em;height:.7em;margin-right:.35em;vertical-align:middle}")
                .append("footer{margin-top:2rem;color:var(--muted);font-size:.85rem}");
        for (int i = 0; i < OKABE_ITO.length; i++) {
            css.append("svg .line.series").append(i).append("{stroke:").append(OKABE_ITO[i]).append('}')
                    .append("svg .band.series").append(i).append(",svg .mark.series").append(i).append(",.swatch.series")
                    .append(i).append("{fill:").append(OKABE_ITO[i]).append(";background:").append(OKABE_ITO[i]).append('}');
        }
        // Black (the eighth colour) would vanish on the dark background.
        css.append("@media (prefers-color-scheme:dark){svg .line.series7{stroke:#e8e8e8}svg .mark.series7,.swatch.series7")
                .append("{fill:#e8e8e8;background:#e8e8e8}}");
        css.append("@media print{:root{--fg:#000;--bg:#fff;--muted:#444;--grid:#ccc;--bar:#0072B2}body{font-size:11pt}")
                .append("main{max-width:none;padding:0}section{break-inside:avoid-page}figure,table{break-inside:avoid}")
                .append("h2{break-after:avoid}}");
        return css.toString();
    }
}
