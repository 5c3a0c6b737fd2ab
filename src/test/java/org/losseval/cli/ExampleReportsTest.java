package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.losseval.format.TinyJson;

/**
 * The JSON report of every example in {@code docs/examples/commands.txt} is the committed one
 * ({@code docs/examples/make_reports.sh} wrote them), field by field: a refactoring that changes a figure,
 * a name or the order of anything a machine reads fails here. The "kernel" field is left out: it names
 * the machine's vector width and whether the run stayed on the scalar kernels.
 */
class ExampleReportsTest {
    private static final Path EXAMPLES = Path.of("docs/examples");

    @TestFactory
    Stream<DynamicTest> everyExampleWritesItsCommittedReport() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve("commands.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] words = line.trim().split("\\s+");
            String name = words[0];
            List<String> args = new ArrayList<>(List.of("eval"));
            args.addAll(Arrays.asList(words).subList(1, words.length));
            args.addAll(List.of("--format", "json"));
            tests.add(DynamicTest.dynamicTest(name, () -> {
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertTrue(run.exitCode() == 0 || run.exitCode() == 1, name + ": exit " + run.exitCode() + ": " + run.err());
                String expected = Files.readString(EXAMPLES.resolve(name + ".json"), StandardCharsets.UTF_8);
                assertEquals(withoutKernel(TinyJson.parse(expected)), withoutKernel(TinyJson.parse(run.out())), name);
            }));
        }
        assertTrue(tests.size() >= 10, "docs/examples/commands.txt lists " + tests.size() + " examples");
        return tests.stream();
    }

    private static Object withoutKernel(Object report) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) report;
        assertTrue(fields.containsKey("kernel"), "a report names its kernel");
        fields.remove("kernel");
        return fields;
    }
}
