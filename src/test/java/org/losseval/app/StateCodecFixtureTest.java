package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losseval.accumulate.StateCodec;
import org.losseval.accumulate.StateFormatException;

/**
 * The committed states of format version 1 ({@code src/test/resources/state/v1/}, written by {@link StateFixtures})
 * still decode, into the report the command line gives for the same request and input, and encode to the same
 * bytes again; and bytes of another magic number or format version are refused with a message that says so. A
 * change to a state's fields makes these fail (the encoding checks every field name): that change is a new
 * format version, with fixtures of its own beside these.
 */
class StateCodecFixtureTest {
    private static final Path DIR = Path.of("src/test/resources/state/v1");

    static Stream<List<String>> fixtures() {
        return StateFixtures.FIXTURES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aVersionOneStateDecodesToTheCommandLinesReport(List<String> fixture) throws Exception {
        byte[] bytes = Files.readAllBytes(DIR.resolve(fixture.get(0)));
        EvalRequest request = StateFixtures.request(fixture);
        PartialRun decoded = PartialRun.decode(request, request.inputs(), "csv", bytes);
        String expected = PartialRunTest.json(new Evaluator(InputStream.nullInputStream(), "test").evaluate(request));
        // The one field that differs, and rightly: which kernels ran. The fixture's run read its rows on the scalar
        // ones (the switch-over's default), this test's CLI run may use the vector ones (the suite's first pass).
        assertEquals(withoutKernel(expected), withoutKernel(PartialRunTest.json(decoded.report("test"))));
        assertArrayEquals(bytes, decoded.encode(), "encoded again");
    }

    private static String withoutKernel(String json) {
        String[] lines = json.split("\n", -1);
        assertEquals(1, Stream.of(lines).filter(l -> l.startsWith("  \"kernel\": ")).count(), json);
        return String.join("\n", Stream.of(lines).filter(l -> !l.startsWith("  \"kernel\": ")).toList());
    }

    @Test
    void anotherMagicNumberOrVersionIsRefused() throws Exception {
        List<String> fixture = StateFixtures.FIXTURES.get(0);
        EvalRequest request = StateFixtures.request(fixture);
        byte[] bytes = Files.readAllBytes(DIR.resolve(fixture.get(0)));

        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertEquals("not a losseval state: magic number 0x58455653, expected 0x4C455653",
                assertThrows(StateFormatException.class, () -> PartialRun.decode(request, request.inputs(), "csv", magic))
                        .getMessage());

        byte[] version = bytes.clone();
        version[5] = 2; // the short after the magic number
        assertEquals("state format version 2 is not supported: this build reads version 1",
                assertThrows(StateFormatException.class, () -> PartialRun.decode(request, request.inputs(), "csv", version))
                        .getMessage());

        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertEquals("state is truncated or corrupt (" + truncated.length + " bytes)",
                assertThrows(StateFormatException.class, () -> PartialRun.decode(request, request.inputs(), "csv", truncated))
                        .getMessage());
        assertEquals(1, StateCodec.VERSION);
    }
}
