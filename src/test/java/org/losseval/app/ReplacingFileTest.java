package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary-file rule shared by {@code -o} and {@code --rows-out}. */
class ReplacingFileTest {
    @TempDir
    Path dir;

    @Test
    void withoutACommitTheTargetStaysAndTheTemporaryFileGoes() throws IOException {
        Path target = Files.writeString(dir.resolve("rows.csv"), "previous\n");
        try (ReplacingFile file = ReplacingFile.open(target)) {
            file.stream().write("half a fi".getBytes(StandardCharsets.UTF_8));
            // While it is written, the target is untouched and the temporary file is a dot file beside it.
            assertEquals("previous\n", Files.readString(target));
            assertEquals(2, names().size());
            assertTrue(names().stream().anyMatch(n -> n.startsWith(".rows.csv.") && n.endsWith(".tmp")), names().toString());
        }
        assertEquals("previous\n", Files.readString(target));
        assertEquals(List.of("rows.csv"), names());
    }

    @Test
    void aCommitReplacesTheTargetKeepingItsPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("rows.csv"), "previous\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        try (ReplacingFile file = ReplacingFile.open(target)) {
            OutputStream out = file.buffered();
            out.write("new\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            file.commit();
        }
        assertEquals("new\n", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("rows.csv"), names());
    }

    @Test
    void aSymbolicLinkKeepsPointingAtTheReplacedFile() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "previous\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        try (ReplacingFile file = ReplacingFile.open(link)) {
            file.stream().write('x');
            file.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("x", Files.readString(real));
    }

    @Test
    void messagesNameTheFileAsGiven() {
        Path missing = Path.of("no/such/dir/rows.csv");
        IOException e = assertThrows(IOException.class, () -> ReplacingFile.open(dir.resolve(missing)));
        assertTrue(e instanceof NoSuchFileException);
        assertEquals("cannot write 'no/such/dir/rows.csv': no such directory", ReplacingFile.describe(missing, e));
        IOException directory = assertThrows(IOException.class, () -> ReplacingFile.open(dir));
        assertEquals("cannot write 'd': it is a directory", ReplacingFile.describe(Path.of("d"), directory));
        assertFalse(Files.exists(dir.resolve("no")));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
