package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losseval.accumulate.StateFormatException;
import org.losseval.batch.ColumnBatch;
import org.losseval.cli.Cli;
import org.losseval.format.JsonPrinter;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.io.Sources;
import org.losseval.report.Report;

/**
 * A run split into parts ({@link PartialRun}), each part a contiguous range of batches of an input as a Spark
 * partition would hold it, encoded, decoded and combined, gives the command line's report, byte for byte in JSON:
 * on the committed examples, with weights, deferred losses, quantiles, intervals, a reliability diagram,
 * contributions, a baseline column, two inputs and groups (numbered in each part as met, renumbered as the command
 * line numbers them), for 1, 2 and 7 parts combined in shuffled order.
 */
class PartialRunTest {
    /** Rows per batch: small, so the examples' few dozen rows make many batches to split between parts. */
    private static final int BATCH = 3;

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("sensors.parquet: weights, a deferred loss, moments, medae, quantiles, an interval",
                        List.of("examples/sensors.parquet", "-p", "pred", "-t", "target", "-l",
                                "mse,mae,huber:delta=mad,rmse,r2,medae", "--weight", "w", "--quantile", "p10@0.1",
                                "--quantile", "p90@0.9", "--interval", "p10:p90", "--fail-if", "mse > 0.1")),
                Arguments.of("sensors.csv: a baseline column", List.of("examples/sensors.csv", "-p", "pred", "-t",
                        "target", "--baseline-pred", "baseline", "-l", "mse,mae,rmse,r2")),
                Arguments.of("leaves.parquet: list columns, weights", List.of("examples/leaves.parquet", "--logits",
                        "logits", "-t", "label", "--target-probs", "target_probs", "-l", "ce", "-l", "kl", "-w", "w")),
                Arguments.of("emails.csv: logits, a reliability diagram", List.of("examples/emails.csv", "--logits",
                        "logit", "-t", "spam", "-l", "bce,ece")),
                Arguments.of("sensors.csv: losses fed through another's state (InputStates), weighted",
                        List.of("examples/sensors.csv", "-p", "pred", "-t", "target", "-l",
                                "r2,mae,explained_variance,max_error,rmse,mse", "--weight", "w")),
                Arguments.of("two inputs", List.of("examples/houses.csv", "examples/houses.parquet", "-p", "pred",
                        "-t", "target", "-l", "mse,huber:delta=15")),
                Arguments.of("groups with a baseline", List.of("examples/sensors.csv", "-p", "pred", "-t", "target",
                        "--baseline-pred", "baseline", "-l", "mse,mae,rmse", "--group-by", "sensor", "--min-group-rows", "2")),
                Arguments.of("groups of two columns, weights, quantiles", List.of("examples/sensors.parquet", "-p", "pred",
                        "-t", "target", "-l", "mse,huber:delta=mad", "--weight", "w", "--quantile", "p90@0.9",
                        "--group-by", "sensor", "--group-by", "file")),
                Arguments.of("groups by file over two inputs", List.of("examples/houses.csv", "examples/houses.parquet",
                        "-p", "pred", "-t", "target", "-l", "mse", "--group-by", "file")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void partsCombinedGiveTheCommandLinesReport(String name, List<String> args) throws Exception {
        EvalRequest request = Cli.evalRequest(args.toArray(String[]::new));
        String expected = json(new Evaluator(InputStream.nullInputStream(), "test", BATCH).evaluate(request));
        for (int parts : new int[] {1, 2, 7}) {
            assertEquals(expected, json(splitRun(request, parts, new Random(parts))), parts + " parts");
        }
    }

    @Test
    void aPartOfAnotherRequestIsRefused() throws Exception {
        EvalRequest mse = Cli.evalRequest("examples/houses.csv", "-p", "pred", "-t", "target", "-l", "mse");
        EvalRequest huber = Cli.evalRequest("examples/houses.csv", "-p", "pred", "-t", "target", "-l", "huber:delta=2");
        PartialRun part = new PartialRun(mse, mse.inputs(), "csv");
        part.read(0, Sources.open("examples/houses.csv", InputStream.nullInputStream(), part.options()));
        byte[] bytes = part.encode();
        StateFormatException e = assertThrows(StateFormatException.class,
                () -> PartialRun.decode(huber, huber.inputs(), "csv", bytes));
        assertEquals("state is of another configuration (fingerprint " + hex(PartialRun.fingerprint(mse, mse.inputs(), "csv", Runtime.getRuntime().maxMemory()))
                + "…, expected " + hex(PartialRun.fingerprint(huber, huber.inputs(), "csv", Runtime.getRuntime().maxMemory()))
                + "…): states combine only within one request", e.getMessage());
    }

    private static String hex(byte[] fingerprint) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) sb.append(String.format("%02x", fingerprint[i]));
        return sb.toString();
    }

    /** The run in {@code parts} parts: each input's batches cut at random, each piece in its own part. */
    private static Report splitRun(EvalRequest request, int parts, Random random) throws Exception {
        List<String> inputs = request.inputs();
        PartialRun probe = new PartialRun(request, inputs, "csv");
        SourceOptions options = probe.options(BATCH);
        List<byte[]> encoded = new ArrayList<>();
        List<PartialRun> open = new ArrayList<>();
        for (int p = 0; p < parts; p++) open.add(new PartialRun(request, inputs, "csv"));
        for (int input = 0; input < inputs.size(); input++) {
            int batches = countBatches(inputs.get(input), options);
            int[] cuts = new int[parts + 1];
            for (int c = 1; c < parts; c++) cuts[c] = random.nextInt(batches + 1);
            cuts[parts] = batches;
            java.util.Arrays.sort(cuts);
            for (int p = 0; p < parts; p++) {
                if (cuts[p] == cuts[p + 1]) continue;
                Source file = Sources.open(inputs.get(input), InputStream.nullInputStream(), options);
                open.get(p).read(input, new BatchRange(file, cuts[p], cuts[p + 1]));
            }
        }
        for (PartialRun part : open) encoded.add(part.encode());
        Collections.shuffle(encoded, random);
        PartialRun whole = PartialRun.decode(request, inputs, "csv", encoded.get(0));
        for (byte[] bytes : encoded.subList(1, encoded.size())) whole.combine(PartialRun.decode(request, inputs, "csv", bytes));
        return whole.report("test");
    }

    private static int countBatches(String input, SourceOptions options) throws InputException {
        try (Source source = Sources.open(input, InputStream.nullInputStream(), options)) {
            int n = 0;
            while (source.next() != null) n++;
            return n;
        }
    }

    static String json(Report report) {
        StringWriter out = new StringWriter();
        new JsonPrinter().print(report, new PrintWriter(out));
        return out.toString();
    }

    /** Batches {@code [from, to)} of a source, as a piece of its input (the batches keep their row numbers). */
    private static final class BatchRange implements Source {
        private final Source inner;
        private final int from;
        private final int to;
        private int next;
        private long rows;

        BatchRange(Source inner, int from, int to) {
            this.inner = inner;
            this.from = from;
            this.to = to;
        }

        @Override public String name() { return inner.name(); }
        @Override public String format() { return inner.format(); }
        @Override public List<String> groupColumns(String groupSpec) { return inner.groupColumns(groupSpec); }
        @Override public long rowsRead() { return rows; }
        @Override public void close() throws InputException { inner.close(); }

        @Override
        public ColumnBatch next() throws InputException {
            while (next < from && inner.next() != null) next++;
            if (next >= to) return null;
            ColumnBatch batch = inner.next();
            next++;
            if (batch != null) rows += batch.size();
            return batch;
        }
    }
}
