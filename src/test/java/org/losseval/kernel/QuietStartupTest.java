package org.losseval.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector kernels run with nothing on stderr when the program is started as the product is:
 * {@code java -jar} on a jar whose manifest says {@code Add-Exports: java.base/jdk.internal.module}.
 * Each test starts a child JVM of the running JDK on {@link KernelProbe}; the jar is a thin one whose
 * {@code Class-Path} points at the compiled classes, which is all the JVM reads from a shaded jar's
 * manifest too. A last test shows that the check notices the warning when it is there.
 */
class QuietStartupTest {

    private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    private static Path mainClasses;
    private static Path testClasses;

    @TempDir
    Path dir;

    @BeforeAll
    static void locateClasses() throws URISyntaxException {
        mainClasses = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        testClasses = Path.of(KernelProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void javaJarWithManifestExportRunsVectorQuietly() throws Exception {
        Path jar = dir.resolve("probe.jar");
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, KernelProbe.class.getName());
        attributes.putValue("Add-Exports", "java.base/jdk.internal.module");
        attributes.put(Attributes.Name.CLASS_PATH, mainClasses.toUri() + " " + testClasses.toUri());
        try (OutputStream out = Files.newOutputStream(jar)) {
            new JarOutputStream(out, manifest).close();
        }
        Run run = run("-jar", jar.toString());
        assertEquals("", run.stderr);
        assertEquals(0, run.exitCode);
        VectorDescriptions.assertVector(run.description);
    }

    @Test
    void withoutTheExportFallsBackToScalarQuietly() throws Exception {
        Run run = run("-cp", classPath(), KernelProbe.class.getName());
        assertEquals("", run.stderr);
        assertEquals(0, run.exitCode);
        assertEquals("scalar (java.base does not export jdk.internal.module to the class path (run with java -jar, or add"
                + " --add-exports java.base/jdk.internal.module=ALL-UNNAMED))", run.description);
    }

    @Test
    void addModulesWouldPrintTheWarning() throws Exception {
        Run run = run("--add-modules", "jdk.incubator.vector", "-cp", classPath(), KernelProbe.class.getName());
        assertEquals(WARNING, run.stderr.strip());
        VectorDescriptions.assertVector(run.description);
    }

    private static String classPath() {
        return mainClasses + java.io.File.pathSeparator + testClasses;
    }

    private Run run(String... arguments) throws IOException, InterruptedException {
        Path descriptionFile = dir.resolve("description.txt");
        Path stderrFile = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        command.add(descriptionFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(stderrFile.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // These would add their own notes to stderr or change the choice.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove(KernelSelection.ENVIRONMENT);
        int exitCode = builder.start().waitFor();
        String description = Files.exists(descriptionFile) ? Files.readString(descriptionFile) : "<none>";
        return new Run(exitCode, Files.readString(stderrFile, StandardCharsets.UTF_8), description);
    }

    private record Run(int exitCode, String stderr, String description) {}
}
