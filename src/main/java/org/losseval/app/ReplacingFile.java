package org.losseval.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file written the one way losseval writes files ({@code -o FILE} and {@code --rows-out FILE}):
 * into a temporary file beside it, synced, then renamed over it in one step by {@link #commit()}, so a run
 * that fails (or is killed) half-way never leaves a truncated file and never destroys the previous one.
 * Beside it, because a rename is atomic only within one file system. {@link #close()} without a commit
 * deletes the temporary file.
 *
 * <p>Details a user would notice: the new file keeps the old one's POSIX permissions (a fresh one gets the
 * umask's); {@code FILE} as a symbolic link keeps the link and replaces the file it points to; a
 * {@code FILE} that exists and is not a regular file ({@code /dev/stdout}, {@code /dev/full}, a named pipe)
 * is written in place, as there is nothing to replace.
 *
 * <p>Usage: {@code try (ReplacingFile f = ReplacingFile.open(path)) { write to f.stream(); f.commit(); }}.
 * Not thread-safe.
 */
public final class ReplacingFile implements AutoCloseable {
    private final Path target;
    /** The temporary file, or null when the target is written in place. */
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private ReplacingFile(Path target, Path temp, FileChannel channel, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = stream;
    }

    /**
     * Opens the temporary file beside {@code file} (or {@code file} itself when it is not a regular file).
     *
     * @throws IOException when it cannot be created; {@link #describe} words it for the user
     */
    public static ReplacingFile open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException("it is a directory");
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return new ReplacingFile(file, null, null, Files.newOutputStream(file));
        }
        Path absolute = (Files.isSymbolicLink(file) ? file.toRealPath() : file).toAbsolutePath();
        // A dot name hides it from ls and globs while it exists; the random part keeps parallel runs apart.
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new ReplacingFile(absolute, temp, channel, Channels.newOutputStream(channel));
    }

    /**
     * Where to write: unbuffered (callers buffer as their format needs). Closing it is allowed (a compressor
     * closes what it wraps); {@link #commit()} and {@link #close()} close it too.
     */
    public OutputStream stream() { return stream; }

    /** A buffered view of {@link #stream()}, for writers that write a few bytes at a time. */
    public OutputStream buffered() { return new BufferedOutputStream(stream, 1 << 16); }

    /**
     * Syncs the temporary file, gives it the old file's permissions and renames it over the target.
     * Everything written must have been flushed to {@link #stream()} first.
     */
    public void commit() throws IOException {
        if (temp == null) {
            stream.close();
            committed = true;
            return;
        }
        if (channel.isOpen()) channel.force(true);
        stream.close();
        keepPermissions(target, temp);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Without a commit: closes and deletes the temporary file, leaving the target as it was. */
    @Override
    public void close() throws IOException {
        if (committed) return;
        try {
            stream.close();
        } catch (IOException e) {
            // The write already failed; the temporary file goes regardless.
        } finally {
            if (temp != null) Files.deleteIfExists(temp);
        }
    }

    private static void keepPermissions(Path previous, Path replacement) throws IOException {
        if (!Files.exists(previous)) return;
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(previous));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the replacement keeps the defaults.
        }
    }

    /**
     * The one-line message for a failed write: {@code cannot write 'FILE': why}, with FILE as the user gave it
     * and why in the user's terms (the temporary file's name means nothing to them).
     */
    public static String describe(Path file, IOException e) {
        return "cannot write '" + file + "': " + reason(e);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
