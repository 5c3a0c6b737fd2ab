package org.losseval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of DESIGN.md: picocli only in cli, the Vector API only in the vector kernel class,
 * Commons CSV and Parquet/Hadoop only in io, the process's standard streams only in the entry point, and
 * the reusable layers (batch, loss, kernel, accumulate, report) free of io, printing and the command line.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/losseval");

    private record Rule(String forbidden, String allowedIn, String why) {}

    private static final List<Rule> RULES = List.of(
            new Rule("import picocli.", "cli/", "picocli belongs to the cli package"),
            new Rule("import jdk.incubator.vector.", "kernel/Vector", "the Vector API belongs to the vector kernel classes"),
            new Rule("import org.apache.commons.csv.", "io/", "Commons CSV belongs to io"),
            new Rule("import org.apache.parquet.", "io/", "Parquet belongs to io"),
            new Rule("import org.apache.hadoop.", "io/", "Hadoop belongs to io"),
            new Rule("import ch.randelshofer.fastdoubleparser.", "io/", "FastDoubleParser belongs to io"),
            new Rule("System.out", "Main.java", "only the entry point writes to stdout"),
            new Rule("System.err", "Main.java", "only the entry point writes to stderr"));

    private static final List<String> REUSABLE = List.of("batch/", "loss/", "kernel/", "accumulate/", "report/");
    private static final List<String> NOT_IN_REUSABLE = List.of(
            "import org.losseval.io.", "import org.losseval.format.", "import org.losseval.cli.", "import org.losseval.app.");

    @Test
    void layersImportOnlyWhatTheyMay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file);
                for (Rule rule : RULES) {
                    if (text.contains(rule.forbidden()) && !relative.startsWith(rule.allowedIn())) {
                        violations.add(relative + ": " + rule.why());
                    }
                }
                if (REUSABLE.stream().anyMatch(relative::startsWith)) {
                    for (String forbidden : NOT_IN_REUSABLE) {
                        if (text.contains(forbidden)) violations.add(relative + ": reusable layers must not " + forbidden);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theRuleWouldCatchAViolation() {
        // Guards the test itself: a picocli import outside cli must count as a violation.
        Rule picocli = RULES.get(0);
        String relative = "loss/Huber.java";
        boolean flagged = "import picocli.CommandLine;".contains(picocli.forbidden()) && !relative.startsWith(picocli.allowedIn());
        assertEquals(true, flagged);
    }
}
