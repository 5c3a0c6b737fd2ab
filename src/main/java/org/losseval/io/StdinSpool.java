package org.losseval.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a stream to a temporary file, because a Parquet reader must seek (the footer is at the end)
 * and standard input cannot, and because {@code --rows-out} reads its inputs twice and standard input can be
 * read only once.
 */
final class StdinSpool {
    private StdinSpool() {}

    /** The temporary file holding all of {@code in}; the caller deletes it (it is also deleted at exit). */
    static Path spool(String name, InputStream in) throws InputException {
        return spool(name, in, ".parquet");
    }

    /** As {@link #spool(String, InputStream)}, the temporary file's name ending in {@code suffix}. */
    static Path spool(String name, InputStream in, String suffix) throws InputException {
        Path file = null;
        try {
            file = Files.createTempFile("losseval-stdin-", suffix);
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new InputException(name, 0, null, "cannot copy standard input to a temporary file: " + e.getMessage(), e);
        }
    }

    static void delete(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // deleteOnExit still applies.
        }
    }
}
