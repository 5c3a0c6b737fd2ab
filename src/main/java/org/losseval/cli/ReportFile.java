package org.losseval.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.losseval.app.ReplacingFile;

/**
 * Writes {@code -o FILE} by the rule of {@link ReplacingFile}: into a temporary file beside it, renamed over
 * it at the end, so a run that fails half-way never leaves a truncated report and never destroys the
 * previous one (that class says what a user would notice: permissions, symbolic links, devices).
 */
final class ReportFile {
    private ReportFile() {}

    /** The report could not be written to the output file: exit 3. */
    static final class WriteException extends Exception {
        WriteException(String message, Throwable cause) { super(message, cause); }
    }

    /**
     * Writes what {@code content} prints to {@code file}.
     *
     * @throws WriteException naming {@code file} as the user gave it, and why
     */
    static void write(Path file, Consumer<PrintWriter> content) throws WriteException {
        try (ReplacingFile replacing = ReplacingFile.open(file)) {
            print(replacing.stream(), content);
            replacing.commit();
        } catch (IOException e) {
            throw new WriteException(ReplacingFile.describe(file, e), e);
        }
    }

    /** Prints through a writer that would swallow a write error, and rethrows the error it swallowed. */
    private static void print(OutputStream stream, Consumer<PrintWriter> content) throws IOException {
        ErrorRecordingStream recorded = new ErrorRecordingStream(stream);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(recorded, StandardCharsets.UTF_8),
                1 << 16));
        content.accept(out);
        out.flush();
        if (recorded.get() != null) throw recorded.get();
        if (out.checkError()) throw new IOException("write failed");
    }
}
