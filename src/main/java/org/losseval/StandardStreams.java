package org.losseval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process was started with standard input or output closed ({@code losseval eval - <&-},
 * {@code >&-}), and the streams {@link Main} uses instead then, which fail on first use with a message saying so.
 *
 * <p>Why this is needed: a descriptor closed at launch is free, and the JVM's first {@code open(2)} takes
 * it, typically its own {@code lib/modules} image or the application jar. Reading "standard input" would
 * then read that file as CSV; writing stdout would fail with a bare "Bad file descriptor". So at start the
 * target of {@code /proc/self/fd/0} and {@code /1} is read (Linux; elsewhere nothing is checked): a
 * descriptor that names a file of the Java runtime ({@code java.home}) or a class-path entry was closed
 * when the process started. No other file is taken for a closed stream, so {@code < data.csv} or
 * {@code > report.json} are never refused.
 *
 * <p>Cost: two {@code readlink} calls at start-up. Not thread-safe (called once, from {@link Main}).
 */
final class StandardStreams {
    static final String STDIN_CLOSED = "standard input is closed (the process was started with <&-); give a file name"
            + " instead of '-', or redirect or pipe the data in";
    static final String STDOUT_CLOSED = "standard output is closed (the process was started with >&-); write the "
            + "report to a file with -o FILE, or redirect stdout";

    private StandardStreams() {}

    /** A standard input that was closed at launch: every read fails, saying so. */
    static InputStream closedStdin() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException(STDIN_CLOSED);
            }
        };
    }

    /** A standard output that was closed at launch: every write fails, saying so. */
    static OutputStream closedStdout() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(STDOUT_CLOSED);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(STDOUT_CLOSED);
            }
        };
    }

    /**
     * Whether stderr is a terminal that can show a progress line: {@code /proc/self/fd/2} names a terminal device
     * ({@code /dev/pts/N}, {@code /dev/ttyN}) and {@code term} (the TERM variable) is not {@code dumb}, which
     * promises no carriage return. Java cannot ask isatty(2) of one descriptor, and {@link System#console()}
     * answers for stdin and stdout (JDK 17) or is non-null whatever they are (JDK 22 and later): so where
     * {@code /proc} is missing (not Linux) no line is drawn, rather than one in a redirected log.
     */
    static boolean stderrShowsProgress(String term) {
        if ("dumb".equals(term)) return false;
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Whether descriptor {@code fd} names a file the JVM opened for itself (see the class comment). */
    static boolean closedAtLaunch(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (!Files.isSymbolicLink(link)) return false;
            Path target = Files.readSymbolicLink(link);
            return isJvmFile(target, Path.of(System.getProperty("java.home", "/nonexistent")),
                    System.getProperty("java.class.path", ""));
        } catch (IOException | RuntimeException e) {
            return false; // no /proc, or a descriptor that cannot be read: nothing to say
        }
    }

    static boolean isJvmFile(Path target, Path javaHome, String classPath) {
        Path normalized = target.toAbsolutePath().normalize();
        if (normalized.startsWith(javaHome.toAbsolutePath().normalize())) return true;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path classPathEntry = Path.of(entry).toAbsolutePath().normalize();
            if (normalized.startsWith(classPathEntry)) return true;
        }
        return false;
    }
}
