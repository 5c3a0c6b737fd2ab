package org.losseval.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.losseval.kernel.Kernels;

/**
 * What a benchmark figure depends on besides the code: the JDK, the CPU, the vector width the kernels
 * chose and how busy the machine was. Every benchmark prints this line to stderr once per trial (JMH
 * shows a forked JVM's output in its log), so a pasted log carries its own context.
 *
 * <p>The CPU comes from {@code /proc/cpuinfo} when it exists (Linux), else "unknown CPU"; the load
 * average from {@code /proc/loadavg} likewise. Nothing here throws: a missing file only shortens the line.
 */
final class BenchEnvironment {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private BenchEnvironment() {}

    /**
     * Prints the environment line for {@code benchmark} to stderr, on a line of its own (JMH has usually
     * written "# Warmup Iteration 1:" without a line break when a trial's setup runs).
     */
    static void print(String benchmark) {
        System.err.println(System.lineSeparator() + "[losseval-bench] " + benchmark + " | " + describe());
    }

    static String describe() {
        return String.format(Locale.ROOT,
                "JDK %s (%s %s) | CPU %s, %d logical cores | regression kernels: %s | classification kernels: %s | load %s",
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("java.vm.name"), cpu(), Runtime.getRuntime().availableProcessors(),
                Kernels.regression().description(), Kernels.classification().description(),
                firstLine(LOAD_AVERAGE).orElse("unknown"));
    }

    /** The model name and the SIMD extensions that decide the preferred vector width. */
    private static String cpu() {
        List<String> lines = lines(CPU_INFO);
        String model = field(lines, "model name").orElse("unknown CPU");
        String flags = " " + field(lines, "flags").orElse("") + " ";
        String simd = flags.contains(" avx512f ") ? "avx512f"
                : flags.contains(" avx2 ") ? "avx2"
                : flags.contains(" avx ") ? "avx"
                : flags.contains(" asimd ") ? "asimd" : "no avx/asimd flag";
        return model + " [" + simd + "]";
    }

    private static Optional<String> field(List<String> lines, String key) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstLine(Path file) {
        return lines(file).stream().findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of(); // not Linux, or not readable: the line says "unknown"
        }
    }
}
