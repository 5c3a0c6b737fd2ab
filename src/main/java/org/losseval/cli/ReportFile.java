package org.losseval.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Writes {@code -o FILE}: into a temporary file beside it, synced, then renamed over it in one step, so a
 * run that fails (or is killed) half-way never leaves a truncated report and never destroys the previous
 * one. Beside it, because a rename is atomic only within one file system.
 *
 * <p>Details a user would notice: the new file keeps the old one's POSIX permissions (a fresh one gets the
 * umask's); {@code FILE} as a symbolic link keeps the link and replaces the file it points to; a
 * {@code FILE} that exists and is not a regular file ({@code /dev/stdout}, a named pipe) is written in place,
 * as there is nothing to replace.
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
        try {
            if (Files.isDirectory(file)) throw new IOException("it is a directory");
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                try (OutputStream stream = Files.newOutputStream(file)) {
                    print(stream, content);
                }
                return;
            }
            replace(Files.isSymbolicLink(file) ? file.toRealPath() : file, content);
        } catch (IOException e) {
            throw new WriteException("cannot write '" + file + "': " + reason(e), e);
        }
    }

    private static void replace(Path target, Consumer<PrintWriter> content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // A dot name hides it from ls and globs while it exists; the random part keeps parallel runs apart.
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                print(Channels.newOutputStream(channel), content);
                channel.force(true);
            }
            keepPermissions(absolute, temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
    }

    /** Prints through a writer that would swallow a write error, and rethrows the error it swallowed. */
    private static void print(OutputStream stream, Consumer<PrintWriter> content) throws IOException {
        ErrorRecordingStream recorded = new ErrorRecordingStream(stream);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(recorded, StandardCharsets.UTF_8),
                1 << 16));
        content.accept(out);
        out.flush();
        if (recorded.firstError() != null) throw recorded.firstError();
        if (out.checkError()) throw new IOException("write failed");
    }

    private static void keepPermissions(Path previous, Path replacement) throws IOException {
        if (!Files.exists(previous)) return;
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(previous));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the replacement keeps the defaults.
        }
    }

    /** Why, in the user's terms: the temporary file's name means nothing to them. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
