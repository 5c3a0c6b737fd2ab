package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, target/losseval.jar, against target/classes: the shade plugin's {@code minimizeJar} leaves out
 * every dependency class it sees no reference to, and the suite's other tests run on target/classes, where
 * nothing is missing. Here every command of {@code built-jar-commands.txt} (the README's and
 * docs/examples' commands in all six formats, Parquet files of every codec and page version, comparisons, groups,
 * --rows-out in CSV and Parquet, advise, losses, help, version, usage and input errors) runs once in this JVM and
 * once in a JVM whose class path is the jar alone (with {@link BuiltJarDriver}), and stdout, stderr, the exit code
 * and the rows files must be the same bytes. The lines marked {@code *} run through {@code java -jar} too, which
 * reads the manifest (Main-Class, Add-Exports, Enable-Native-Access, Multi-Release). The completion script and the
 * man page are made from the jar as install.sh makes them.
 *
 * <p>Run by {@code mvn verify} after the jar is packaged (surefire's "built-jar" execution in the
 * integration-test phase; the name ends in IT, so the unit-test executions skip it).
 */
class BuiltJarIT {
    private static final Path JAR = Path.of("target/losseval.jar");
    private static final Path STDIN = Path.of("examples/houses.csv");
    private static final List<String> FORMATS = List.of("table", "json", "csv", "markdown", "junit", "html");

    @TempDir static Path dir;

    /** One command line of the list: its words, the exit code it must give, whether java -jar runs it too. */
    record Command(List<String> words, int exitCode, boolean viaJavaJar) {
        String text() {
            return String.join(" ", words);
        }
    }

    private static List<Command> commands;

    @BeforeAll
    static void jarIsBuilt() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: this test runs in mvn verify, after package");
        commands = new ArrayList<>();
        Path rows = dir.resolve("rows").toAbsolutePath();
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/org/losseval/cli/built-jar-commands.txt"))) {
            for (String line : lines.collect(Collectors.toList())) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] words = line.replace("@OUT@", rows.toString()).trim().split("\\s+");
                boolean viaJavaJar = words[0].endsWith("*");
                int code = Integer.parseInt(words[0].replace("*", ""));
                List<String> args = List.of(words).subList(1, words.length);
                if (args.get(0).equals("eval")) {
                    for (String format : FORMATS) {
                        List<String> withFormat = new ArrayList<>(args);
                        withFormat.addAll(List.of("--format", format));
                        commands.add(new Command(withFormat, code, viaJavaJar && format.equals("table")));
                    }
                } else {
                    commands.add(new Command(args, code, viaJavaJar));
                }
            }
        }
    }

    @Test
    void everyCommandGivesTheSameBytesFromTheJarAsFromTheClasses() throws Exception {
        Path list = dir.resolve("commands.txt");
        Files.write(list, commands.stream().map(c -> String.join("\t", c.words())).collect(Collectors.toList()),
                StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("rows"));
        BuiltJarDriver.runAll(list, dir.resolve("classes"), STDIN);
        moveRows("classes-rows");

        Files.createDirectories(dir.resolve("rows"));
        Run driver = java(List.of("--add-exports", "java.base/jdk.internal.module=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-cp", JAR + File.pathSeparator + "target/test-classes",
                BuiltJarDriver.class.getName(), list.toString(), dir.resolve("jar").toString(), STDIN.toString()));
        assertEquals(new Run(0, "", ""), driver, "the driver on the jar");
        moveRows("jar-rows");

        int javaJarRuns = 0;
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            Run classes = read(dir.resolve("classes"), i);
            assertEquals(command.exitCode(), classes.code(), command.text() + ": " + classes.err());
            assertEquals(classes, read(dir.resolve("jar"), i), command.text());
            if (command.viaJavaJar()) {
                List<String> args = new ArrayList<>(List.of("-jar", JAR.toString()));
                args.addAll(command.words());
                assertEquals(classes, java(args), "java -jar " + command.text());
                javaJarRuns++;
            }
        }
        assertEquals(filesOf(dir.resolve("classes-rows")), filesOf(dir.resolve("jar-rows")), "the --rows-out files");
        assertTrue(Files.list(dir.resolve("classes-rows")).count() >= 2, "no --rows-out file was written");
        assertTrue(javaJarRuns >= 3, javaJarRuns + " runs through java -jar");
    }

    @Test
    void theJarWritesTheCompletionScriptAndTheManPage() throws Exception {
        Path fromClasses = dir.resolve("completion-classes");
        Completion.main(new String[] {fromClasses.toString()});
        Path fromJar = dir.resolve("completion-jar");
        assertEquals(new Run(0, "", ""), java(List.of("-cp", JAR.toString(), Completion.class.getName(), fromJar.toString())));
        assertEquals(Files.readString(fromClasses), Files.readString(fromJar));

        Path page = dir.resolve("losseval.1");
        assertEquals(new Run(0, "", ""), java(List.of("-cp", JAR.toString(), ManPage.class.getName(), page.toString())));
        assertEquals(Files.readString(Path.of("man/losseval.1")), Files.readString(page));
    }

    record Run(int code, String out, String err) {}

    private static Run read(Path outDir, int i) throws IOException {
        return new Run(Integer.parseInt(Files.readString(outDir.resolve(i + ".code"))),
                Files.readString(outDir.resolve(i + ".out"), StandardCharsets.UTF_8),
                Files.readString(outDir.resolve(i + ".err"), StandardCharsets.UTF_8));
    }

    /** A JVM of the Java running the tests, in the project's directory, stdin from {@link #STDIN}. */
    private static Run java(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Path out = dir.resolve("process.out");
        Path err = dir.resolve("process.err");
        Process process = new ProcessBuilder(command).redirectInput(STDIN.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in 300 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The --rows-out files the last run wrote, set aside under {@code name} for the next to write its own. */
    private static void moveRows(String name) throws IOException {
        Files.move(dir.resolve("rows"), dir.resolve(name));
    }

    /** Every file under {@code root}: its relative path and its bytes as text (hex for readability of a diff). */
    private static List<String> filesOf(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<String> listing = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                listing.add(root.relativize(file) + " " + java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
            return listing;
        }
    }
}
