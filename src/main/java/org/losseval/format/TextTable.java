package org.losseval.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out cells in aligned columns, as plain text for a terminal or as a GitHub-flavoured Markdown table
 * whose source is aligned too. Widths count code points, so a name with accents does not shift its row;
 * wide East Asian characters still do (no terminal-width table here, on purpose: it is not worth a
 * dependency).
 *
 * <p>HTML ({@link #htmlLines}) is the same table as elements, for {@link HtmlPrinter}.
 *
 * <p>Plain text separates columns by two spaces and drops trailing spaces. Markdown cells must already be
 * escaped by the caller ({@link MarkdownPrinter}); the table only pads them.
 */
final class TextTable {
    enum Align { LEFT, RIGHT }

    private static final String GAP = "  ";
    /** A Markdown delimiter cell needs a colon and at least one hyphen; three reads better. */
    private static final int MIN_MARKDOWN_WIDTH = 3;

    private final List<String> headers;
    private final List<Align> aligns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers, List<Align> aligns) {
        if (headers.size() != aligns.size()) {
            throw new IllegalArgumentException(headers.size() + " headers but " + aligns.size() + " alignments");
        }
        this.headers = List.copyOf(headers);
        this.aligns = List.copyOf(aligns);
    }

    TextTable addRow(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " columns but a row of " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Header line and one line per row, without line terminators. */
    List<String> plainLines() {
        int[] widths = widths(0);
        List<String> lines = new ArrayList<>();
        lines.add(plainLine(headers, widths));
        for (List<String> row : rows) lines.add(plainLine(row, widths));
        return lines;
    }

    /** Header row, delimiter row and one line per row, without line terminators. */
    List<String> markdownLines() {
        int[] widths = widths(MIN_MARKDOWN_WIDTH);
        List<String> lines = new ArrayList<>();
        lines.add(markdownLine(headers, widths));
        List<String> delimiters = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            String hyphens = "-".repeat(widths[c] - 1);
            delimiters.add(aligns.get(c) == Align.RIGHT ? hyphens + ":" : ":" + hyphens);
        }
        lines.add(markdownLine(delimiters, widths));
        for (List<String> row : rows) lines.add(markdownLine(row, widths));
        return lines;
    }

    /**
     * An HTML table: a {@code thead} row of {@code th} and a {@code tbody} row of {@code td} per row, right-aligned
     * columns marked {@code class="num"}. The headers are plain text (escaped here, as for every printer they
     * are the same constants); the cells must already be HTML-escaped by the caller ({@link HtmlPrinter}).
     *
     * @param id the table's id attribute, or null for none
     */
    List<String> htmlLines(String id) {
        List<String> lines = new ArrayList<>();
        lines.add(id == null ? "<table>" : "<table id=\"" + id + "\">");
        lines.add("<thead><tr>" + htmlCells(headers.stream().map(HtmlPrinter::escape).toList(), "th") + "</tr></thead>");
        lines.add("<tbody>");
        for (List<String> row : rows) lines.add("<tr>" + htmlCells(row, "td") + "</tr>");
        lines.add("</tbody>");
        lines.add("</table>");
        return lines;
    }

    private String htmlCells(List<String> cells, String tag) {
        StringBuilder html = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            html.append('<').append(tag).append(aligns.get(c) == Align.RIGHT ? " class=\"num\">" : ">")
                    .append(cells.get(c)).append("</").append(tag).append('>');
        }
        return html.toString();
    }

    private int[] widths(int minimum) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(minimum, width(headers.get(c)));
            for (List<String> row : rows) widths[c] = Math.max(widths[c], width(row.get(c)));
        }
        return widths;
    }

    private String plainLine(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) line.append(GAP);
            line.append(pad(cells.get(c), widths[c], aligns.get(c)));
        }
        return stripTrailingSpaces(line);
    }

    private String markdownLine(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < cells.size(); c++) {
            line.append(' ').append(pad(cells.get(c), widths[c], aligns.get(c))).append(" |");
        }
        return line.toString();
    }

    private static String pad(String cell, int width, Align align) {
        String padding = " ".repeat(width - width(cell));
        return align == Align.RIGHT ? padding + cell : cell + padding;
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }

    private static String stripTrailingSpaces(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') end--;
        return line.substring(0, end);
    }
}
