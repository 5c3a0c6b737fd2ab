package org.losseval.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.losseval.format.TinyJson;

/** One run of the real entry point with captured streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return withStdin("", args);
    }

    static CliRun withStdin(String stdin, String... args) {
        return withStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** Writes a UTF-8 text file for a test. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Checks the run succeeded quietly (stderr blank exactly when the exit code is 0). */
    CliRun assertSuccess() {
        org.junit.jupiter.api.Assertions.assertEquals("", err, "stderr of a successful run");
        org.junit.jupiter.api.Assertions.assertEquals(0, exitCode, err);
        return this;
    }

    /** The JSON report of a successful run, parsed. */
    Object json() {
        return TinyJson.parse(assertSuccess().out);
    }

    static CliRun withStdin(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, stdin, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
