package org.losseval.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Double#parseDouble} over {@value #STRINGS} strings: 17-significant-digit doubles (what a
 * full-precision dump writes, the slow case of the JDK's parser) against three-decimal numbers (what a
 * rounded dump writes). Scores are nanoseconds per string. {@link FastDoubleParserBenchmark} runs the
 * same 17-digit strings through FastDoubleParser.
 *
 * <p>Warm-up is longer than elsewhere: on the shared 2-core machine {@code Double.parseDouble} only
 * reached its steady state (about 200 ns per 17-digit string, from 700–2000 ns) after 6–8 seconds, when
 * C2 had compiled the JDK's {@code FloatingDecimal}.
 *
 * <p>Self-check: every string is parsed once before measuring and must give exactly the double it was
 * made from ({@link DecimalStrings}). Each benchmark returns the sum of what it parsed, so nothing is
 * optimized away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.module=ALL-UNNAMED"})
public class ParseBenchmark {
    static final int STRINGS = 1_000_000;
    static final long SEED = 20240614L;

    private String[] seventeenDigits;
    private String[] threeDecimals;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEnvironment.print("ParseBenchmark");
        DecimalStrings longStrings = DecimalStrings.seventeenDigits(STRINGS, SEED);
        DecimalStrings shortStrings = DecimalStrings.threeDecimals(STRINGS, SEED);
        check(longStrings);
        check(shortStrings);
        seventeenDigits = longStrings.text;
        threeDecimals = shortStrings.text;
    }

    @Benchmark
    @OperationsPerInvocation(STRINGS)
    public double parseDoubleSeventeenDigits() {
        return parseAll(seventeenDigits);
    }

    @Benchmark
    @OperationsPerInvocation(STRINGS)
    public double parseDoubleThreeDecimals() {
        return parseAll(threeDecimals);
    }

    private static double parseAll(String[] text) {
        double sum = 0.0;
        for (String s : text) sum += Double.parseDouble(s);
        return sum;
    }

    private static void check(DecimalStrings strings) {
        for (int i = 0; i < strings.text.length; i++) {
            ResultCheck.same("Double.parseDouble(\"" + strings.text[i] + "\")", Double.parseDouble(strings.text[i]),
                    strings.expected[i]);
        }
    }
}
