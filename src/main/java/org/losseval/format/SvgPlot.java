package org.losseval.format;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.losseval.text.Numbers;

/**
 * One inline SVG chart for {@link HtmlPrinter}, written directly: a plot area with axes, ticks, grid lines
 * and marks in data coordinates. Scales map data to pixels ({@link #linear}, {@link #log10}); shapes take
 * data coordinates and a CSS class, so colours live in the page's stylesheet (light, dark and print) and
 * not here. Coordinates are rounded to a tenth of a pixel and written with {@link Numbers#exact}, the one
 * number-to-text routine.
 *
 * <p>Why not a charting library (measured): JFreeChart 1.5.4 and JFreeSVG 5.0.5 are 1,643,790 + 55,682
 * bytes of jars, which the shaded jar (29.9 MB) would carry for every user (+5.7%), and JFreeSVG draws
 * through {@code java.awt.Graphics2D}, so an HTML run would load the java.desktop module's AWT classes.
 * The five charts here are lines, bars and points on one or two axes: these two classes, with the states
 * and records behind the plots, add 34 kB to the jar (+0.11%), and a run that does not ask for HTML loads neither
 * ({@code HtmlStartupTest}).
 *
 * <p>The SVG has a {@code viewBox}, so it scales with the page; a {@code <title>} names it for screen
 * readers. Every text given to it is plain and escaped here, so no caller can forget. Not thread-safe: build one per chart.
 */
final class SvgPlot {
    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 46;

    private final StringBuilder svg = new StringBuilder();
    private final DoubleUnaryOperator x;
    private final DoubleUnaryOperator y;

    /**
     * @param title a short description for screen readers, plain text (escaped here)
     * @param x     data x to a fraction 0..1 of the plot's width ({@link #linear}, {@link #log10})
     * @param y     data y to a fraction 0..1 of its height, 0 at the bottom
     */
    SvgPlot(String title, String cssClass, DoubleUnaryOperator x, DoubleUnaryOperator y) {
        this.x = v -> LEFT + x.applyAsDouble(v) * (WIDTH - LEFT - RIGHT);
        this.y = v -> HEIGHT - BOTTOM - y.applyAsDouble(v) * (HEIGHT - TOP - BOTTOM);
        svg.append("<svg class=\"plot ").append(cssClass).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(HtmlPrinter.escape(title)).append("</title>");
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\"/>");
    }

    /** [low, high] to [0, 1]; a degenerate domain maps to the middle. */
    static DoubleUnaryOperator linear(double low, double high) {
        return v -> high > low ? (v - low) / (high - low) : 0.5;
    }

    /** [low, high] (both positive) to [0, 1] on a log scale. */
    static DoubleUnaryOperator log10(double low, double high) {
        double l = Math.log10(low);
        double h = Math.log10(high);
        return v -> h > l ? (Math.log10(v) - l) / (h - l) : 0.5;
    }

    /** A labelled tick and a grid line at data x. */
    SvgPlot xTick(double at, String label) {
        double px = x.applyAsDouble(at);
        line("grid", px, TOP, px, HEIGHT - BOTTOM);
        text("tick", px, HEIGHT - BOTTOM + 16, "middle", label);
        return this;
    }

    /** A labelled tick and a grid line at data y. */
    SvgPlot yTick(double at, String label) {
        double py = y.applyAsDouble(at);
        line("grid", LEFT, py, WIDTH - RIGHT, py);
        text("tick", LEFT - 6, py + 4, "end", label);
        return this;
    }

    /** The axis titles, plain text (escaped here). */
    SvgPlot axisTitles(String xTitle, String yTitle) {
        text("axis", LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 8, "middle", xTitle);
        svg.append("<text class=\"axis\" text-anchor=\"middle\" transform=\"translate(14 ")
                .append(px((HEIGHT - BOTTOM + TOP) / 2.0)).append(") rotate(-90)\">").append(HtmlPrinter.escape(yTitle)).append("</text>");
        return this;
    }

    /** A polyline through the points (xs[i], ys[i]), skipping those that are not finite. */
    SvgPlot polyline(String cssClass, List<double[]> points) {
        StringBuilder path = new StringBuilder();
        for (double[] p : points) {
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) continue;
            if (path.length() > 0) path.append(' ');
            path.append(px(x.applyAsDouble(p[0]))).append(',').append(px(y.applyAsDouble(p[1])));
        }
        if (path.length() > 0) svg.append("<polyline class=\"").append(cssClass).append("\" points=\"").append(path).append("\"/>");
        return this;
    }

    /** A filled band between lows and highs at the same xs: {x, low, high} per point. */
    SvgPlot band(String cssClass, List<double[]> points) {
        StringBuilder path = new StringBuilder();
        for (double[] p : points) appendPoint(path, p[0], p[1]);
        for (int i = points.size() - 1; i >= 0; i--) appendPoint(path, points.get(i)[0], points.get(i)[2]);
        if (path.length() > 0) svg.append("<polygon class=\"").append(cssClass).append("\" points=\"").append(path).append("\"/>");
        return this;
    }

    private void appendPoint(StringBuilder path, double dx, double dy) {
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) return;
        if (path.length() > 0) path.append(' ');
        path.append(px(x.applyAsDouble(dx))).append(',').append(px(y.applyAsDouble(dy)));
    }

    /** A point mark with a tooltip (plain text (escaped here)); skipped when not finite. */
    SvgPlot point(String cssClass, double dx, double dy, String tooltip) {
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) return this;
        svg.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(px(x.applyAsDouble(dx)))
                .append("\" cy=\"").append(px(y.applyAsDouble(dy))).append("\" r=\"4\"><title>").append(HtmlPrinter.escape(tooltip))
                .append("</title></circle>");
        return this;
    }

    /** A bar from data x0 to x1, from the bottom of the plot up to data y; skipped when y is not finite. */
    SvgPlot bar(String cssClass, double x0, double x1, double dy, String tooltip) {
        if (!Double.isFinite(dy)) return this;
        double top = y.applyAsDouble(dy);
        double left = x.applyAsDouble(x0);
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(px(left)).append("\" y=\"")
                .append(px(top)).append("\" width=\"").append(px(Math.max(1, x.applyAsDouble(x1) - left - 1)))
                .append("\" height=\"").append(px(Math.max(0, HEIGHT - BOTTOM - top))).append("\"><title>")
                .append(HtmlPrinter.escape(tooltip)).append("</title></rect>");
        return this;
    }

    /** A line in data coordinates; skipped when an end is not finite. */
    SvgPlot dataLine(String cssClass, double x0, double y0, double x1, double y1) {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) return this;
        line(cssClass, x.applyAsDouble(x0), y.applyAsDouble(y0), x.applyAsDouble(x1), y.applyAsDouble(y1));
        return this;
    }

    /** A vertical line across the plot at data x with a label at its top; skipped when not finite. */
    SvgPlot marker(String cssClass, double dx, String label) {
        if (!Double.isFinite(dx)) return this;
        double px = x.applyAsDouble(dx);
        line(cssClass, px, TOP, px, HEIGHT - BOTTOM);
        text("marker-label", px + 3, TOP + 12, "start", label);
        return this;
    }

    /** The finished element. */
    String svg() {
        return svg + "</svg>";
    }

    private void line(String cssClass, double x1, double y1, double x2, double y2) {
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(px(x1)).append("\" y1=\"").append(px(y1))
                .append("\" x2=\"").append(px(x2)).append("\" y2=\"").append(px(y2)).append("\"/>");
    }

    private void text(String cssClass, double px, double py, String anchor, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(px(px)).append("\" y=\"").append(px(py))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(HtmlPrinter.escape(text)).append("</text>");
    }

    private static String px(double v) {
        return Numbers.exact(Math.round(v * 10) / 10.0);
    }
}
