package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 11: {@code file:2:} meant the second data row (line 3), while every editor, {@code grep -n}
 * and compiler-style tool reads it as line 2. Each row now carries the line it starts on, the same from
 * both readers, at every block size (so the fast reader hands over to Commons CSV at different places).
 */
class CsvLineNumbersTest {
    private static final int[] BLOCK_SIZES = {1, 2, 3, 5, 8, 13, 64, 1 << 16};

    @Test
    void blankLinesQuotedLineBreaksAndCrlfCountAsAnEditorCountsThem() throws InputException {
        // line 1 header, 2 blank, 3 row 1, 4 blank, 5-6 row 2 (a quoted \n), 7 row 3, 8-9 row 4 (a quoted \r\n),
        // 10 a lone \r inside quotes ends line 10, row 5 on 10-11, 12 blank CRLF, 13 row 6 (no final newline).
        String text = "a,b\n\n1,2\n\n\"x\ny\",3\n4,5\r\n\"p\r\nq\",6\n\"r\rs\",7\n\r\n8,9";
        long[] expected = {3, 5, 7, 8, 10, 13};
        for (String reader : List.of("commons", "fast")) {
            for (int block : BLOCK_SIZES) {
                assertArrayEquals(expected, lines(reader, text, block), reader + ", block " + block);
            }
        }
    }

    @Test
    void aPlainFileHasRowPlusOne() throws InputException {
        assertArrayEquals(new long[] {2, 3, 4}, lines("fast", "a,b\n1,2\n3,4\n5,6\n", 1 << 16));
        assertArrayEquals(new long[] {2, 3, 4}, lines("commons", "a,b\n1,2\n3,4\n5,6\n", 1 << 16));
    }

    @Test
    void blankLinesBeforeTheHeaderCount() throws InputException {
        for (String reader : List.of("commons", "fast")) {
            assertArrayEquals(new long[] {4}, lines(reader, "\n\na,b\n1,2\n", 4), reader);
        }
    }

    @Test
    void aReadErrorNamesTheLineAfterThePreviousRecord() {
        for (String reader : List.of("commons", "fast")) {
            InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                    () -> lines(reader, "a,b\n1,2\n\"3\n4,5\n", 3));
            assertEquals("f.csv:3: cannot read: a quoted field is not closed before the end of the input", e.getMessage());
            assertEquals(3, e.line());
            assertEquals(2, e.row());
        }
    }

    private static long[] lines(String reader, String text, int block) throws InputException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SourceOptions options = new SourceOptions(List.of("a", "b"), null, 2, 1000);
        List<Long> lines = new ArrayList<>();
        try (Source source = reader.equals("fast")
                ? FastCsvSource.open("f.csv", new ByteArrayInputStream(bytes), ',', options, block)
                : CsvSource.open("f.csv", new ByteArrayInputStream(bytes), ',', options)) {
            for (var batch = source.next(); batch != null; batch = source.next()) {
                for (int i = 0; i < batch.size(); i++) lines.add(batch.lineNumber(i));
            }
        }
        return lines.stream().mapToLong(Long::longValue).toArray();
    }
}
