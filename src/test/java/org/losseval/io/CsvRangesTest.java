package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.batch.ColumnBatch;

/**
 * A file read in ranges ({@link CsvRanges}, each range by its own reader, in order) delivers exactly what one
 * reader of the whole file ({@link Sources#open}) delivers: the same batches (first row, size, every value bit
 * for bit, every cell issue, every row's line, every text) and the same error with the same row and column.
 * Text codes are the one thing that differs (each range has its own dictionary), so they are left out.
 *
 * <p>Ranges are forced small ({@value CsvRanges#MIN_RANGE_PROPERTY} = 1 byte) and batches tiny, so every file
 * is cut at many places, near every awkward byte: quoted line breaks and delimiters, CRLF, a byte-order mark,
 * blank lines, a missing final newline, a lone carriage return, a bad cell or record after the first cut.
 */
class CsvRangesTest {
    private static final int[] PARTS = {2, 3, 5, 8};
    private static final int[] BATCH_SIZES = {1, 2, 3, 7};

    @TempDir
    Path dir;
    private String minBefore;

    @BeforeEach
    void smallRanges() {
        minBefore = System.getProperty(CsvRanges.MIN_RANGE_PROPERTY);
        System.setProperty(CsvRanges.MIN_RANGE_PROPERTY, "1");
    }

    @AfterEach
    void restore() {
        if (minBefore == null) System.clearProperty(CsvRanges.MIN_RANGE_PROPERTY);
        else System.setProperty(CsvRanges.MIN_RANGE_PROPERTY, minBefore);
    }

    @Test
    void plainLfAndCrlfFilesAreCutAndReadAsOne() throws Exception {
        StringBuilder lf = new StringBuilder("a,b,g\n");
        for (int i = 1; i <= 40; i++) lf.append(i).append(',').append(i * 0.25).append(",g").append(i % 3).append('\n');
        assertSplitReadsAsWhole("plain.csv", lf.toString(), true);
        assertSplitReadsAsWhole("crlf.csv", lf.toString().replace("\n", "\r\n"), true);
        assertSplitReadsAsWhole("nofinal.csv", lf.substring(0, lf.length() - 1), true);
    }

    @Test
    void byteOrderMarkAndBlankLinesKeepRowsAndLines() throws Exception {
        StringBuilder text = new StringBuilder("\uFEFF\n\r\na,b,g\n\n");
        for (int i = 1; i <= 30; i++) {
            text.append(i).append(',').append(-i).append(",x\n");
            if (i % 4 == 0) text.append('\n');
            if (i % 5 == 0) text.append("\r\n\r\n");
        }
        assertSplitReadsAsWhole("blanks.csv", text.toString(), true);
    }

    @Test
    void quotedLineBreaksAndDelimitersAreNeverCut() throws Exception {
        // A quoted field holding a line break and a delimiter, at each row in turn: no cut after it survives.
        for (int at = 1; at <= 24; at += 1) {
            StringBuilder text = new StringBuilder("a,b,g\n");
            for (int i = 1; i <= 24; i++) {
                text.append(i).append(',').append(i).append(',');
                text.append(i == at ? "\"two\nlines, one field\"" : "g").append('\n');
            }
            assertSplitReadsAsWhole("quoted" + at + ".csv", text.toString(), at > 6);
        }
    }

    @Test
    void aLoneCarriageReturnEndsTheCutsBeforeIt() throws Exception {
        String text = "a,b,g\n1,2,x\n3,4,y\n5,6,z\r7,8,w\n9,10,v\n11,12,u\n13,14,t\n";
        assertSplitReadsAsWhole("cr.csv", text, false);
    }

    @Test
    void aHeaderOnlyOrOneRowIsNotCut() throws Exception {
        assertNull(plan(write("header.csv", "a,b,g\n"), options(2), 2));
        assertNull(plan(write("header-nonl.csv", "a,b,g"), options(2), 2));
        assertSplitReadsAsWhole("one.csv", "a,b,g\n1,2,x\n", false);
        assertSplitReadsAsWhole("one-nonl.csv", "a,b,g\n1,2,x", false);
        // One row has no second batch to start a range at, whatever the batch size and parts.
        for (String one : List.of("one.csv", "one-nonl.csv")) {
            String name = dir.resolve(one).toString();
            for (int batch : BATCH_SIZES) {
                for (int parts : PARTS) assertNull(plan(name, options(batch), parts), one + ", batch " + batch + ", parts " + parts);
            }
        }
    }

    @Test
    void aQuotedHeaderOrOtherInputsAreNotSplit() throws Exception {
        assertNull(plan(write("quoted-header.csv", "\"a\",b,g\n1,2,x\n3,4,y\n5,6,z\n"), options(1), 4));
        assertNull(plan(write("data.csv.gz", "a,b,g\n1,2,x\n3,4,y\n5,6,z\n"), options(1), 4));
        assertNull(plan("-", options(1), 4));
        assertNull(plan(dir.resolve("missing.csv").toString(), options(1), 4));
    }

    @Test
    void badCellsAndBadRecordsAfterTheFirstCutGiveTheSameIssuesAndError() throws Exception {
        StringBuilder text = new StringBuilder("a,b,g\n");
        for (int i = 1; i <= 30; i++) {
            String b = i == 17 ? "oops" : i == 19 ? "" : i == 21 ? "nan" : Integer.toString(i);
            text.append(i).append(',').append(b).append(",g\n");
        }
        assertSplitReadsAsWhole("badcell.csv", text.toString(), true);
        assertSplitReadsAsWhole("badrecord.csv", text + "31,31\n32,32,g\n", true);
        assertSplitReadsAsWhole("badrecord-early.csv", text.toString().replace("\n25,25,g\n", "\n25,25,g,extra\n"), true);
    }

    @Test
    void aTooLongRecordInALaterRangeGivesTheSameError() throws Exception {
        StringBuilder text = new StringBuilder("a,b,g\n");
        for (int i = 1; i <= 30; i++) text.append(i).append(',').append(i).append(i == 23 ? "," + "z".repeat(80) : ",g").append('\n');
        String name = write("long.csv", text.toString());
        for (int batch : BATCH_SIZES) {
            SourceOptions options = new SourceOptions(List.of("a", "b"), null, batch, 40, List.of(), List.of("g"));
            for (int parts : PARTS) assertSame(name, options, parts, true);
        }
    }

    /** Random files mixing every awkward form, at every cut count and batch size. */
    @Test
    void randomFilesReadInRangesAsWhole() throws Exception {
        Random random = new Random(14);
        for (int file = 0; file < 60; file++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "").append("a,b,g\n");
            int rows = 1 + random.nextInt(60);
            String eol = random.nextBoolean() ? "\n" : "\r\n";
            for (int i = 1; i <= rows; i++) {
                int kind = random.nextInt(100);
                String g = kind < 3 ? "\"q" + eol + "q,\"" : kind < 6 ? "\"plain\"" : "g" + random.nextInt(4);
                String b = kind == 7 ? "x" : kind == 8 ? "" : Double.toString(random.nextGaussian());
                text.append(i).append(',').append(b).append(',').append(g);
                if (kind == 9) text.append(",extra");
                text.append(kind == 10 ? "\r" : eol);
                if (random.nextInt(10) == 0) text.append(eol);
            }
            if (random.nextBoolean()) text.setLength(text.length() - eol.length());
            String name = write("random" + file + ".csv", text.toString());
            for (int batch : BATCH_SIZES) {
                for (int parts : PARTS) assertSame(name, options(batch), parts, false);
            }
        }
    }

    private void assertSplitReadsAsWhole(String fileName, String text, boolean mustCut) throws Exception {
        String name = write(fileName, text);
        for (int batch : BATCH_SIZES) {
            for (int parts : PARTS) assertSame(name, options(batch), parts, mustCut && batch == 1 && parts == 8);
        }
    }

    /** Reads {@code name} whole and in ranges and asserts the same outcome; {@code mustCut}: at least two ranges. */
    private static void assertSame(String name, SourceOptions options, int parts, boolean mustCut) throws Exception {
        String what = name + ", batch " + options.batchSize() + ", parts " + parts;
        CsvReaderAgreement.Outcome whole = CsvReaderAgreement.read("whole",
                () -> Sources.open(name, InputStream.nullInputStream(), options), options.groups());
        CsvRanges ranges = plan(name, options, parts);
        if (ranges == null) {
            assertTrue(!mustCut, what + ": not split");
            return;
        }
        try (ranges) {
            // The first range is read on another thread while this one counts the candidates, as the app does:
            // its reader waits at the first candidate cut until settle() has placed the cut.
            CsvReaderAgreement.Outcome[] first = new CsvReaderAgreement.Outcome[1];
            Thread reader = new Thread(() -> first[0] = CsvReaderAgreement.read("range 0", () -> ranges.open(0), List.of()));
            reader.start();
            for (int k = 0; k < ranges.candidates() - 1; k++) ranges.count(k);
            int n = ranges.settle();
            reader.join();
            assertTrue(!mustCut || n >= 2, what + ": " + n + " ranges, " + ranges);
            List<CsvReaderAgreement.BatchCopy> batches = new ArrayList<>(first[0].batches());
            CsvReaderAgreement.Outcome split = first[0].error() != null ? first[0] : null;
            for (int r = 1; r < n && split == null; r++) {
                int range = r;
                CsvReaderAgreement.Outcome next = CsvReaderAgreement.read("range " + r, () -> ranges.open(range), List.of());
                batches.addAll(next.batches());
                if (next.error() != null) split = next;
            }
            split = new CsvReaderAgreement.Outcome("ranges", batches, List.of(), split == null ? null : split.error(),
                    split == null ? -1 : split.errorRow(), split == null ? null : split.errorColumn());
            CsvReaderAgreement.assertSame(withoutCodes(whole), withoutCodes(split), what + " " + ranges);
        }
    }

    private static CsvReaderAgreement.Outcome withoutCodes(CsvReaderAgreement.Outcome outcome) {
        List<CsvReaderAgreement.BatchCopy> batches = new ArrayList<>();
        for (CsvReaderAgreement.BatchCopy b : outcome.batches()) {
            batches.add(new CsvReaderAgreement.BatchCopy(b.source(), b.firstRow(), b.size(), b.columns(), b.bits(),
                    b.issues(), b.rowsReadAfter(), b.lines(), b.textColumns(), b.texts(), List.of()));
        }
        return new CsvReaderAgreement.Outcome(outcome.reader(), batches, List.of(), outcome.error(), outcome.errorRow(),
                outcome.errorColumn());
    }

    private static CsvRanges plan(String name, SourceOptions options, int parts) {
        return CsvRanges.plan(name, options, parts);
    }

    private static SourceOptions options(int batch) {
        return new SourceOptions(List.of("a", "b"), null, batch, SourceOptions.DEFAULT_MAX_RECORD_CHARS, List.of(),
                List.of("g"));
    }

    private String write(String fileName, String text) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file.toString();
    }
}
