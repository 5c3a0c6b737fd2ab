package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link SourceProbe} in a fresh JVM, where nothing else has loaded classes or initialised logging,
 * to check two promises a shared test JVM cannot: a CSV run loads no Parquet or Hadoop class, and reading
 * Parquet prints nothing on stderr (no "SLF4J: No SLF4J providers" warning, no Hadoop log lines).
 */
class SourceIsolationTest {
    @TempDir Path dir;

    record Run(int exitCode, String stdout, String stderr) {}

    @Test
    void csvRunLoadsNoParquetOrHadoopClass() throws Exception {
        Path csv = Files.writeString(dir.resolve("small.csv"), "a,b\n1,2\n3,4\n");

        Run run = probe("-verbose:class", csv.toString(), "a", "b");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        Set<String> loaded = loadedClasses(run.stdout());
        // The log must show our reader, or the absence checks below would prove nothing.
        assertTrue(loaded.contains("org.losseval.io.CsvSource"), "class loading was not logged");
        assertFalse(loaded.contains("org.losseval.io.ParquetSource"), "ParquetSource loaded by a CSV run");
        // By package: any class of these libraries counts.
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("org.apache.parquet.")).toList(),
                "Parquet classes loaded by a CSV run");
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("org.apache.hadoop.")).toList(),
                "Hadoop classes loaded by a CSV run");
    }

    /** The class a -verbose:class line loaded: "[0.027s][info][class,load] java.lang.Object source: ...". */
    private static final Pattern CLASS_LOAD = Pattern.compile("\\[class,load\\] (\\S+) source: ");

    /** Every class the log says was loaded; the log's other text (times, sources) varies from run to run. */
    private static Set<String> loadedClasses(String log) {
        Set<String> classes = new TreeSet<>();
        log.lines().map(CLASS_LOAD::matcher).filter(Matcher::find).forEach(m -> classes.add(m.group(1)));
        return classes;
    }

    @Test
    void parquetRunPrintsNothing() throws Exception {
        Path parquet = ParquetTestFiles.write(dir.resolve("small.parquet"), List.of("a", "b"),
                List.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}));

        Run run = probe(null, parquet.toString(), "a", "b");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertEquals("", run.stdout());
    }

    private Run probe(String jvmFlag, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmFlag != null) command.add(jvmFlag);
        // What the jar's manifest grants (Enable-Native-Access, Add-Exports) a class-path run must be given as
        // flags; without the first, JDK 24+ warns on stderr when snappy-java loads its native library.
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SourceProbe.class.getName());
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
