package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generated script in a real bash, as bash-completion would, and reads COMPREPLY. */
class CompletionTest {
    private static final Path BASH = Path.of("/bin/bash");

    @TempDir Path dir;
    private Path script;

    @BeforeEach
    void writeScript() throws IOException {
        assumeTrue(Files.isExecutable(BASH), "bash is not installed");
        script = Files.writeString(dir.resolve("sample"), Completion.bashScript(SampleCommand.commandLine()));
    }

    @Test
    void completesVisibleSubcommandsButNotHiddenOnes() throws Exception {
        assertEquals(List.of("e", "eval"), complete("sample", ""));
        assertEquals(List.of("--help", "--version", "-V", "-h"), complete("sample", "-"));
    }

    @Test
    void completesOptionsOfASubcommand() throws Exception {
        // --debug-internals is hidden.
        assertEquals(List.of("--format", "--limit", "--pred"), complete("sample", "eval", "--"));
    }

    @Test
    void completesEnumValues() throws Exception {
        assertEquals(List.of("json"), complete("sample", "eval", "--format", "j"));
    }

    /** The words bash would offer for the last of {@code words}, sorted. */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) array.append(" '").append(w).append('\'');
        String program = "source '" + script + "' 2>/dev/null\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_sample 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort\n";
        Process bash = new ProcessBuilder(BASH.toString(), "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), out);
        return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
