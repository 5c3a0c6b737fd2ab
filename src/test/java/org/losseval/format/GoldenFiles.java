package org.losseval.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.losseval.report.Report;

/** Reads expected output from src/test/resources/format/ and renders reports to strings. */
final class GoldenFiles {
    private GoldenFiles() {}

    static String read(String name) throws IOException {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/format/" + name)) {
            if (in == null) throw new IOException("no test resource /format/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The paragraph of {@code text} that starts with the whole line {@code firstLine}, up to the next blank
     * line or the end: for an exact check of one section of an output. Fails when no line is exactly
     * {@code firstLine}, or more than one is.
     */
    static List<String> block(String text, String firstLine) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(firstLine);
        if (start < 0 || lines.lastIndexOf(firstLine) != start) {
            throw new AssertionError("not exactly one line '" + firstLine + "' in:\n" + text);
        }
        int end = start;
        while (end < lines.size() && !lines.get(end).isEmpty()) end++;
        return lines.subList(start, end);
    }

    /**
     * The lines of {@code text} from the whole line {@code firstLine} up to, not including, the whole line
     * {@code nextLine} after it: a section of several paragraphs. Fails when either line is missing.
     */
    static List<String> between(String text, String firstLine, String nextLine) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(firstLine);
        int end = start < 0 ? -1 : lines.subList(start, lines.size()).indexOf(nextLine);
        if (end < 0) throw new AssertionError("no line '" + firstLine + "' followed by '" + nextLine + "' in:\n" + text);
        return lines.subList(start, start + end);
    }

    /** The last {@code n} lines of {@code text}. */
    static List<String> lastLines(String text, int n) {
        List<String> lines = text.lines().toList();
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    /** The first {@code n} lines of {@code text}. */
    static List<String> firstLines(String text, int n) {
        List<String> lines = text.lines().toList();
        return lines.subList(0, Math.min(n, lines.size()));
    }

    static String render(Printer printer, Report report) {
        StringWriter text = new StringWriter();
        printer.print(report, new PrintWriter(text));
        return text.toString();
    }
}
