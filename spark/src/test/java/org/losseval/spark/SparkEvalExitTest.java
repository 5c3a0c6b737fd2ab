package org.losseval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losseval.cli.Cli;

/**
 * {@link SparkEval#main} in a JVM of its own, as spark-submit's client-mode driver runs it (the test class path
 * and Spark's JVM flags, {@code spark.master=local[2]}): a failing {@code --fail-if} gate exits 1 with the command
 * line's gate line on stderr and its report on stdout; a passing one exits 0 with nothing on stderr (Spark's
 * logging is off in the tests: log4j2.properties), and a usage error exits 2.
 */
class SparkEvalExitTest {
    private static final String EXAMPLES = System.getProperty("losseval.examples", "../examples");

    @Test
    void aFailingGateExitsOneWithTheCommandLinesLines() throws Exception {
        String[] args = {"eval", EXAMPLES + "/houses.parquet", "-p", "pred", "-t", "target", "-l", "mse,mae",
                "--fail-if", "mse > 100", "--fail-if", "mae > 1000"};
        Child child = Child.run(args);
        assertEquals(1, child.code, child.stderr);
        Child cli = Child.inProcess(args);
        assertEquals(1, cli.code);
        assertEquals(cli.stdout, child.stdout);
        assertEquals(cli.stderr, child.stderr);
    }

    @Test
    void aPassingGateExitsZeroAndAUsageErrorTwo() throws Exception {
        Child pass = Child.run("eval", EXAMPLES + "/houses.parquet", "-p", "pred", "-t", "target", "--fail-if", "mse > 1e9");
        assertEquals(0, pass.code, pass.stderr);
        assertEquals("", pass.stderr);
        Child usage = Child.run("eval", EXAMPLES + "/houses.parquet", "-p", "pred", "-t", "target", "--fail-if", "mse >");
        assertEquals(2, usage.code);
        assertEquals(Child.inProcess("eval", EXAMPLES + "/houses.parquet", "-p", "pred", "-t", "target",
                "--fail-if", "mse >").stderr, usage.stderr);
    }

    private record Child(int code, String stdout, String stderr) {
        static Child run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            String options = System.getProperty("losseval.spark.jvmOptions", "");
            if (!options.isBlank()) command.addAll(Arrays.asList(options.trim().split("\\s+")));
            command.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
                    "-cp", System.getProperty("java.class.path"), SparkEval.class.getName()));
            command.addAll(Arrays.asList(args));
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            // Both pipes read at once, so neither fills while the other is awaited.
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread reader = new Thread(() -> {
                try {
                    err.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.completeExceptionally(e);
                }
            });
            reader.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            reader.join();
            // The JVM's own notice for Spark's --add-modules=jdk.incubator.vector (JavaModuleOptions), which every
            // spark-submit JVM on Java 17+ prints too: the launcher's line, not ours; removed, and only it.
            String notice = "WARNING: Using incubator modules: jdk.incubator.vector" + System.lineSeparator();
            String stderr = err.join();
            return new Child(code, out, stderr.startsWith(notice) ? stderr.substring(notice.length()) : stderr);
        }

        static Child inProcess(String... args) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            StringWriter err = new StringWriter();
            int code = Cli.run(args, InputStream.nullInputStream(), stdout, new PrintWriter(err));
            return new Child(code, stdout.toString(StandardCharsets.UTF_8), err.toString());
        }
    }
}
