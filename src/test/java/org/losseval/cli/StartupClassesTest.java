package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a small CSV run loads, in a fresh JVM (the real entry point, {@code org.losseval.Main}, on this build's
 * class path), read from the JVM's own class-loading log ({@code -Xlog:class+load}): start-up time is mostly
 * classes loaded and run once, so a run of {@code -l mse} on three rows loads nothing it does not use. No class
 * of the HTML report, AWT or a charting library; none of Parquet, Hadoop, the Vector API (a small input stays
 * on the scalar kernels), Commons Math, java.sql or java.time (picocli's converters for them are left out); and
 * of the losses only the one asked for is initialised (a loss class's lambdas are made when it is). The HTML
 * run shows the check sees classes when they are there, and a run of two losses that both are initialised.
 * (io.SourceIsolationTest checks the CSV reader alone for Parquet and Hadoop classes.)
 */
class StartupClassesTest {
    /** The classes only an HTML report needs, and what a charting library would bring. */
    private static final Pattern HTML_CLASSES =
            Pattern.compile("org\\.losseval\\.format\\.(HtmlPrinter|SvgPlot)\\S*|java\\.awt\\.\\S+|org\\.jfree\\.\\S+");
    /** Libraries and JDK modules a small CSV run has no use for. */
    private static final Pattern UNUSED_LIBRARIES = Pattern.compile("(org\\.apache\\.parquet|org\\.apache\\.hadoop"
            + "|jdk\\.incubator\\.vector|org\\.apache\\.commons\\.math3|java\\.sql|java\\.time)\\.\\S+");
    /**
     * What the first call of a record's equals, hashCode or toString builds: its method handles, about 80 classes and
     * 15 ms on JDK 17.
     */
    private static final Pattern RECORD_METHODS = Pattern.compile("java\\.lang\\.runtime\\.ObjectMethods\\S*");
    /** A lambda of a loss class, "org.losseval.loss.Mse$$Lambda$28/0x0000000800c3a000": made when Mse is initialised. */
    private static final Pattern LOSS_LAMBDA = Pattern.compile("org\\.losseval\\.loss\\.([A-Za-z0-9]+)\\$\\$Lambda.*");
    /** One line of -Xlog:class+load: "[0.012s][info][class,load] java.lang.Object source: jrt:/java.base". */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source: .*");

    @TempDir
    Path dir;

    @Test
    void aSmallCsvRunLoadsNoClassOfTheHtmlReport() throws Exception {
        assertEquals(List.of(), matching(HTML_CLASSES, loaded("mse", "--format", "table")));
        assertEquals(List.of(), matching(HTML_CLASSES, loaded("mse", "--format", "json")));
    }

    @Test
    void anHtmlRunLoadsTheHtmlPrinterAndNoAwtOrChartingLibrary() throws Exception {
        assertEquals(List.of("org.losseval.format.HtmlPrinter", "org.losseval.format.SvgPlot"),
                matching(HTML_CLASSES, loaded("mse", "--format", "html")).stream().filter(c -> !c.contains("$")).toList());
    }

    @Test
    void aSmallCsvRunLoadsNoUnusedLibraryAndOnlyTheLossItAsksFor() throws Exception {
        List<String> loaded = loaded("mse", "--format", "table");
        assertEquals(List.of(), matching(UNUSED_LIBRARIES, loaded));
        assertEquals(Set.of("Mse"), initialisedLosses(loaded));
    }

    /** The benchmark's five losses, mse and rmse sharing their sums (loss.Loss#sameLossAs): no record method is called. */
    @Test
    void aRunOfLossesThatShareTheirSumsCallsNoRecordMethod() throws Exception {
        assertEquals(List.of(), matching(RECORD_METHODS, loaded("mse,rmse,mae,huber:delta=1,pinball:q=0.9", "--format",
                "table")));
    }

    @Test
    void aRunOfTwoLossesInitialisesBoth() throws Exception {
        assertEquals(Set.of("Huber", "Mse"), initialisedLosses(loaded("mse,huber:delta=15", "--format", "table")));
    }

    /**
     * A file smaller than app.PrefetchingSource.MIN_BYTES is read on the main thread even with two threads: no
     * reading thread, no queue; with the smallest size at 0 (the property) the same run reads ahead.
     */
    @Test
    void aSmallCsvRunOnTwoThreadsReadsOnTheMainThread() throws Exception {
        // Its reading thread's Runnable, loaded when one is made (PrefetchingSource itself is loaded to verify Evaluator).
        String prefetching = "org.losseval.app.PrefetchingSource$1";
        assertEquals(false, loaded("mse", "--format", "table", "--threads", "2").contains(prefetching));
        assertEquals(true, loaded(List.of("-Dlosseval.prefetchMinBytes=0"), "mse", "--format", "json", "--threads", "2")
                .contains(prefetching));
    }

    private static List<String> matching(Pattern pattern, List<String> classes) {
        return classes.stream().filter(c -> pattern.matcher(c).matches()).sorted().toList();
    }

    private static Set<String> initialisedLosses(List<String> classes) {
        Set<String> losses = new TreeSet<>();
        for (String c : classes) {
            Matcher m = LOSS_LAMBDA.matcher(c);
            if (m.matches()) losses.add(m.group(1));
        }
        return losses;
    }

    /** Every class a quiet, successful run of {@code eval examples/houses.csv -l LOSSES FORMAT} loads, in order. */
    private List<String> loaded(String losses, String... format) throws IOException, InterruptedException {
        return loaded(List.of(), losses, format);
    }

    /** {@link #loaded(String, String...)} with these JVM options (system properties) too. */
    private List<String> loaded(List<String> jvmOptions, String losses, String... format)
            throws IOException, InterruptedException {
        String name = losses.replaceAll("\\W", "_") + "-" + format[1];
        Path log = dir.resolve("classes-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.losseval.Main",
                "eval", "examples/houses.csv", "-p", "pred", "-t", "target", "-l", losses, "-o",
                dir.resolve("report-" + name).toString()));
        command.addAll(List.of(format));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        assertEquals("", output, "a quiet successful run");
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line.substring(Math.max(0, line.indexOf("[class,load"))));
            if (m.matches()) loaded.add(m.group(1));
        }
        assertEquals(true, loaded.contains("org.losseval.Main"), "the log parsed: it names the entry point's class");
        assertEquals(true, loaded.contains("org.losseval.loss.Mse"), "the log names the loss class the run used");
        return loaded;
    }
}
