package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The committed man page must be what the generator writes for the current command and losses. */
class CommittedManPageTest {
    private static final Path COMMITTED = Path.of("man", "losseval.1");

    @Test
    void committedManPageIsUpToDate() throws IOException {
        String expected = ManPage.forLosseval().render();
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(expected, committed, COMMITTED + " is out of date with the command line or the losses;"
                + " regenerate it with: mvn -q -DskipTests package && java -cp target/losseval.jar"
                + " org.losseval.cli.ManPage man/losseval.1");
    }
}
