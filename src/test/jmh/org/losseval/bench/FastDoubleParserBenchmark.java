package org.losseval.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 * FastDoubleParser ({@code ch.randelshofer:fastdoubleparser}, {@code JavaDoubleParser.parseDouble}) over
 * the same {@value ParseBenchmark#STRINGS} 17-digit strings as
 * {@link ParseBenchmark#parseDoubleSeventeenDigits()}, in nanoseconds per string.
 *
 * <p>The library is found by reflection, so this compiles and the other benchmarks run whether or not it
 * is a dependency of the project. When it is not on the class path, the setup fails with a message saying
 * so and JMH reports this benchmark as failed with no score, then goes on with the rest (leave it out
 * with {@code -e FastDoubleParser}). The call goes through a constant {@link MethodHandle}, which the JIT
 * inlines like a direct call.
 *
 * <p>Self-check: every string must parse to exactly the double it was made from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.module=ALL-UNNAMED"})
public class FastDoubleParserBenchmark {
    static final String PARSER_CLASS = "ch.randelshofer.fastdoubleparser.JavaDoubleParser";
    private static final MethodHandle PARSE = findParser();

    private String[] seventeenDigits;

    @Setup(Level.Trial)
    public void setUp() throws Throwable {
        BenchEnvironment.print("FastDoubleParserBenchmark");
        ResultCheck.require(PARSE != null,
                "skipped: " + PARSER_CLASS + " is not on the class path (ch.randelshofer:fastdoubleparser"
                        + " is not a dependency of this build)");
        DecimalStrings strings = DecimalStrings.seventeenDigits(ParseBenchmark.STRINGS, ParseBenchmark.SEED);
        for (int i = 0; i < strings.text.length; i++) {
            ResultCheck.same("JavaDoubleParser.parseDouble(\"" + strings.text[i] + "\")", parse(strings.text[i]),
                    strings.expected[i]);
        }
        seventeenDigits = strings.text;
    }

    @Benchmark
    @OperationsPerInvocation(ParseBenchmark.STRINGS)
    public double fastDoubleParserSeventeenDigits() throws Throwable {
        double sum = 0.0;
        for (String s : seventeenDigits) sum += parse(s);
        return sum;
    }

    private static double parse(CharSequence text) throws Throwable {
        return (double) PARSE.invokeExact(text);
    }

    private static MethodHandle findParser() {
        try {
            return MethodHandles.publicLookup().findStatic(Class.forName(PARSER_CLASS), "parseDouble",
                    MethodType.methodType(double.class, CharSequence.class));
        } catch (ReflectiveOperationException e) {
            return null; // not on the class path: setUp says so
        }
    }
}
