package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up stays as it was for every run that does not ask for HTML: a small CSV run in a fresh JVM (the
 * real entry point, {@code org.losseval.Main}, on this build's class path) loads no class of the HTML
 * report and nothing of AWT or a charting library, read from the JVM's own class-loading log
 * ({@code -Xlog:class+load}). The same run with {@code --format html} loads the HTML printer, which shows
 * that the check sees those classes when they are there.
 */
class HtmlStartupTest {
    /** The classes only an HTML report needs, and what a charting library would bring. */
    private static final Pattern HTML_CLASSES =
            Pattern.compile("org\\.losseval\\.format\\.(HtmlPrinter|SvgPlot)\\S*|java\\.awt\\.\\S+|org\\.jfree\\.\\S+");
    /** One line of -Xlog:class+load: "[0.012s][info][class,load] java.lang.Object source: jrt:/java.base". */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source: .*");

    @TempDir
    Path dir;

    @Test
    void aSmallCsvRunLoadsNoClassOfTheHtmlReport() throws Exception {
        assertEquals(List.of(), htmlClassesLoaded("--format", "table"));
        assertEquals(List.of(), htmlClassesLoaded("--format", "json"));
    }

    @Test
    void anHtmlRunLoadsTheHtmlPrinterAndNoAwtOrChartingLibrary() throws Exception {
        assertEquals(List.of("org.losseval.format.HtmlPrinter", "org.losseval.format.SvgPlot"),
                htmlClassesLoaded("--format", "html").stream().filter(c -> !c.contains("$")).sorted().toList());
    }

    private List<String> htmlClassesLoaded(String... format) throws IOException, InterruptedException {
        Path log = dir.resolve("classes-" + format[1] + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), "org.losseval.Main",
                "eval", "examples/houses.csv", "-p", "pred", "-t", "target", "-l", "mse", "-o",
                dir.resolve("report-" + format[1]).toString()));
        command.addAll(List.of(format));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        assertEquals("", output, "a quiet successful run");
        List<String> loaded = new ArrayList<>();
        boolean sawMain = false;
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line.substring(Math.max(0, line.indexOf("[class,load"))));
            if (!m.matches()) continue;
            sawMain |= m.group(1).equals("org.losseval.Main");
            if (HTML_CLASSES.matcher(m.group(1)).matches()) loaded.add(m.group(1));
        }
        assertEquals(true, sawMain, "the log parsed: it names the entry point's class");
        return loaded;
    }
}
