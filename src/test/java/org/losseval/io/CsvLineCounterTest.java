package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvLineCounter} against a byte-by-byte reference written from its specification (a line ends at
 * {@code \n}; a line without content before {@code \r\n}/{@code \n} is blank; a {@code "} or a {@code \r} not
 * followed by {@code \n} stops the count, unclean), on random texts dense in the awkward bytes; and the
 * eight-byte test it skips ordinary words with never misses a byte at or below {@code '"'}.
 */
class CsvLineCounterTest {
    @TempDir
    Path dir;

    @Test
    void everyWordWithALowByteIsFlagged() {
        Random random = new Random(1);
        for (int trial = 0; trial < 200_000; trial++) {
            long word = 0;
            boolean low = false;
            for (int i = 0; i < 8; i++) {
                int b = random.nextInt(4) == 0 ? random.nextInt(0x23) : random.nextInt(256);
                low |= b < 0x23;
                word |= (long) b << (8 * i);
            }
            if (low) assertNotEquals(0, CsvLineCounter.lowBytes(word), Long.toHexString(word));
        }
    }

    @Test
    void countsAsTheReferenceOnRandomTexts() throws IOException {
        Random random = new Random(2);
        String alphabet = "0123456789.,-e abc\n\n\r\"\u00e9";
        for (int trial = 0; trial < 2_000; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                // Mostly ordinary bytes, so whole words are skipped too.
                text.append(random.nextInt(10) < 8 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Path file = dir.resolve("t.csv");
            Files.write(file, bytes);
            try (FileChannel channel = FileChannel.open(file)) {
                int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                long maxRows = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(5);
                assertEquals(reference(bytes, from, bytes.length, maxRows),
                        new CsvLineCounter(channel).count(from, bytes.length, maxRows), text.toString());
            }
        }
    }

    @Test
    void countsAsTheReferenceOnTextsDenseInLineEnds() throws IOException {
        // Words holding several line ends, blank lines inside a word and across words, rows stopping the count
        // anywhere: the word-wise count of line ends against the byte-wise reference.
        Random random = new Random(3);
        String alphabet = "0123456789,\n\n\n\n";
        for (int trial = 0; trial < 3_000; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(300);
            for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextInt(10) == 0) text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? "\r\n" : "\"");
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Path file = dir.resolve("dense.csv");
            Files.write(file, bytes);
            try (FileChannel channel = FileChannel.open(file)) {
                int from = bytes.length == 0 ? 0 : random.nextInt(Math.min(bytes.length, 16));
                long maxRows = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(40);
                assertEquals(reference(bytes, from, bytes.length, maxRows),
                        new CsvLineCounter(channel).count(from, bytes.length, maxRows), text.toString());
            }
        }
    }

    @Test
    void zeroBytesMarksExactlyTheZeroBytes() {
        Random random = new Random(4);
        for (int n = 0; n < 100_000; n++) {
            long word = random.nextLong();
            // Zero some bytes, so that words hold zero bytes next to 0x80, 0x01 and 0xFF.
            for (int k = 0; k < 8; k++) if (random.nextInt(3) == 0) word &= ~(0xFFL << 8 * k);
            long expected = 0;
            for (int k = 0; k < 8; k++) if ((word >>> 8 * k & 0xFF) == 0) expected |= 0x80L << 8 * k;
            assertEquals(expected, CsvLineCounter.zeroBytes(word), Long.toHexString(word));
        }
    }

    /** A carriage return as the last byte of a 1 MiB block is judged by the next block's first byte. */
    @Test
    void aCarriageReturnAtABlockEndIsJudgedByTheNextByte() throws IOException {
        int block = 1 << 20;
        for (String after : new String[] {"\n", "x"}) {
            StringBuilder text = new StringBuilder();
            while (text.length() < block - 1 - 8) text.append("1234567\n");
            while (text.length() < block - 1) text.append('9');
            text.append('\r').append(after).append("5,6\n7,8\n");
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            assertEquals('\r', bytes[block - 1]);
            Path file = dir.resolve("block.csv");
            Files.write(file, bytes);
            try (FileChannel channel = FileChannel.open(file)) {
                assertEquals(reference(bytes, 0, bytes.length, Long.MAX_VALUE),
                        new CsvLineCounter(channel).count(0, bytes.length, Long.MAX_VALUE), "\\r then " + after);
            }
        }
    }

    private static CsvLineCounter.Count reference(byte[] b, int from, int to, long maxRows) {
        long lines = 0;
        long rows = 0;
        long lineEnd = from;
        boolean content = false;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                lines++;
                lineEnd = i + 1;
                if (content) rows++;
                if (content && rows == maxRows) return new CsvLineCounter.Count(lines, rows, lineEnd, true);
                content = false;
            } else if (b[i] == '\r') {
                if (i + 1 >= to || b[i + 1] != '\n') return new CsvLineCounter.Count(lines, rows, lineEnd, false);
            } else if (b[i] == '"') {
                return new CsvLineCounter.Count(lines, rows, lineEnd, false);
            } else {
                content = true;
            }
        }
        return new CsvLineCounter.Count(lines, rows, lineEnd, true);
    }
}
