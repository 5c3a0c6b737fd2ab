package org.losseval.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a list of command lines through {@link Cli#run(String[], java.io.InputStream, java.io.OutputStream,
 * PrintWriter)} (the entry point {@code Main} calls) and writes each one's stdout, stderr and exit code as files
 * N.out, N.err, N.code. {@link BuiltJarIT} runs it twice: in the test JVM on target/classes, and in a JVM whose
 * class path is the built jar (and this class), so any class the jar lacks shows as a difference. Uses nothing
 * but the JDK and {@code Cli}.
 */
public final class BuiltJarDriver {
    private BuiltJarDriver() {}

    /** Arguments: the commands file (one command a line, words separated by tabs), the output directory, a stdin file. */
    public static void main(String[] args) throws IOException {
        runAll(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    }

    static void runAll(Path commands, Path outDir, Path stdinFile) throws IOException {
        Files.createDirectories(outDir);
        byte[] stdin = Files.readAllBytes(stdinFile);
        List<String> lines = Files.readAllLines(commands, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringWriter err = new StringWriter();
            int code = Cli.run(lines.get(i).split("\t"), new ByteArrayInputStream(stdin), out, new PrintWriter(err));
            Files.write(outDir.resolve(i + ".out"), out.toByteArray());
            Files.writeString(outDir.resolve(i + ".err"), err.toString(), StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve(i + ".code"), Integer.toString(code), StandardCharsets.UTF_8);
        }
    }
}
