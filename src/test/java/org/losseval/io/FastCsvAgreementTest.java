package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.io.CsvReaderAgreement.Outcome;

/**
 * The byte-level reader ({@link FastCsvSource}) against Commons CSV ({@link CsvSource}): on the examples,
 * on hand-written edge cases and on random files full of awkward numbers, dialect variants, quotes, long
 * records and broken records, every batch, value, issue, row and error must be the same
 * ({@link CsvReaderAgreement}). Small blocks (down to one byte) put every record, CRLF and byte-order mark
 * across block boundaries. Every file read by {@link CsvSourceTest} and {@link CsvGroupsTest} is also
 * read by both readers and compared there.
 */
class FastCsvAgreementTest {
    private static final int[] BLOCK_SIZES = {1, 2, 3, 5, 16, 64, 1000, FastCsvSource.BLOCK_BYTES};

    @TempDir Path dir;

    @Test
    void examplesReadTheSame() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertFalse(examples.isEmpty(), "no examples found");
        for (Path example : examples) {
            // The examples' headers hold no quotes: splitting the first line gives every column.
            String header = Files.readAllLines(example).get(0);
            List<String> columns = Arrays.stream(header.split(",")).map(String::strip).toList();
            Outcome outcome = CsvReaderAgreement.assertAgreeOnFile(example.toString(), SourceOptions.of(columns));
            assertTrue(outcome.batches().size() > 0, example + " read no rows");
        }
    }

    @Test
    void edgeCasesReadTheSameAtEveryBlockSize() {
        String[][] cases = {
                {"plain", "a,b\n1,2\n3,4\n"},
                {"no final newline", "a,b\n1,2\n3,4"},
                {"crlf", "a,b\r\n1,2\r\n\r\n3,4\r\n"},
                {"bom", "\ufeffa,b\n1,2\n"},
                {"two boms", "\ufeff\ufeffa,b\n1,2\n"},
                // Found by CsvFastPathFuzzTest: U+FEFF after a blank line is no byte-order mark, also when
                // the quoted header goes to Commons CSV after small blocks dropped the blank line.
                {"bom after a blank line, quoted header", "\n\ufeff\"a\",b\n1,2\n"},
                {"bom, blank line, bom, quoted header", "\ufeff\r\n\ufeff\"a\",b\n1,2\n"},
                {"blank lines everywhere", "\n\r\n\na,b\n\n1,2\n\n\n3,4\n\n"},
                {"header only", "a,b\n"},
                {"header only, no newline", "a,b"},
                {"empty", ""},
                {"blank only", "\n\r\n\n"},
                {"spaces line is a record", "a\n1\n \n2\n"},
                {"short record", "a,b\n1,2\n3\n"},
                {"long record", "a,b\n1,2\n3,4,5\n"},
                {"empty cells", "a,b\n,\n1,\n,2\n"},
                {"words", "a,b\nNaN,inf\n-Infinity,+INF\nnan,-nan\n"},
                {"rejects", "a,b\n0x1p3,1.5d\n2f,abc\n1e,.\n"},
                {"whitespace", "a,b\n 1 ,\t2\t\n\u000b3,4\u001f\n"},
                {"non-ascii", "a,b\n\uff11,\u30001\n\u00e9,\u20ac\n"},
                {"quote in header", "\"a\",b\n1,2\n"},
                {"quote in data", "a,b\n1,2\n\"3\",4\n5,6\n"},
                {"quoted delimiter and newline", "a,b\n1,2\n\"x,\ny\",4\n5,6\n"},
                {"quote mid-field", "a,b\n1,2\n3\"x,4\n5,6\n"},
                {"unclosed quote", "a,b\n1,2\n\"3,4\n5,6\n"},
                {"text after quote", "a,b\n1,2\n\"3\"x,4\n5,6\n"},
                {"lone cr", "a,b\n1,2\r3,4\n5,6\n"},
                {"lone cr at end", "a,b\n1,2\r"},
                {"cr crlf", "a,b\n1,2\r\r\n3,4\n"},
                {"header lone cr", "a,b\r1,2\n"},
                {"missing column", "x,y\n1,2\n"},
                {"duplicate column", "a,a,b\n1,2,3\n"},
                {"spaced header", " a ,\tb\n1,2\n"},
                {"nul and control bytes", "a,b\n\u00001,2\u0001\n"},
                {"empty last field at end", "a,b\n1,"},
                {"only delimiter at end", "a,b\n1,2\n,"},
                {"space at end", "a\n1\n "},
                {"trailing delimiter in header", "a,b,\n1,2,3\n"},
                // The fused path's edges: what it reads, and each thing that makes it decline the record.
                {"canonical forms", "a,b\n-0,0.0\n1e22,1e23\n9007199254740993,25.740279585142826\n1E-5,1e+5\n"},
                {"long and far numbers", "a,b\n1234567890123456789012,0.000000000000000000000001\n1e-64,1e65\n4.9e-324,1e308\n"},
                {"overflow is an issue", "a,b\n1e309,2\n3,-1e400\n"},
                {"almost canonical", "a,b\n+1,.5\n5.,1e\n1e5.5,1..2\n-,1-\n"},
                {"space after a number", "a,b\n1 ,2\n3,4 \n5,6\n"},
                {"number then cr", "a,b\n1\r,2\n3,4\r\n"},
                {"number then quote", "a,b\n1\",2\n3,4\n"},
                {"unread field with a quote", "a,x,b\n1,\"q\",2\n3,y,4\n"},
                {"unread field empty", "a,x,b\n1,,2\n3,,4\n"},
                {"unread field last", "a,b,x\n1,2,\n3,4,z\n5,6,\"z\"\n"},
                {"one unread field, blank line", "x\n1\n\n2\n"},
                {"too many fields after numbers", "a,b\n1,2,3\n4,5\n"},
                {"too few fields", "a,b,c\n1,2\n3,4,5\n"},
        };
        SourceOptions options = new SourceOptions(List.of("a", "b"), null, 2, 1000);
        for (String[] c : cases) {
            byte[] bytes = c[1].getBytes(StandardCharsets.UTF_8);
            assertAgreeAtEveryBlockSize(c[0], bytes, ',', options);
        }
    }

    @Test
    void delimitersThatCanBePartOfANumberReadTheSame() {
        // The fused path stays off for these (a number would swallow the delimiter); the ordinary path reads them.
        for (char delimiter : new char[] {'.', '-', 'e', '5'}) {
            String text = "a,b\n1,2\n-3.5,4e2\n".replace(',', delimiter);
            assertAgreeAtEveryBlockSize("delimiter " + delimiter, text.getBytes(StandardCharsets.UTF_8), delimiter,
                    new SourceOptions(List.of("a", "b"), delimiter, 2, 1000));
        }
    }

    @Test
    void aColumnReadAsNumberAndTextReadsTheSame() {
        byte[] bytes = "a,b\n1.5,x\n2,y\n2,\"z\"\nnan,w\n".getBytes(StandardCharsets.UTF_8);
        SourceOptions options = new SourceOptions(List.of("a", "b"), null, 3, 1000).withTexts(List.of("a", "b"));
        for (int block : BLOCK_SIZES) assertAgree("number and text, block " + block, bytes, ',', options, block);
    }

    @Test
    void malformedUtf8ReadsTheSame() {
        byte[] bytes = {'a', ',', 'b', '\n', (byte) 0xff, ',', '1', '\n', '2', ',', (byte) 0xe2, (byte) 0x82, '\n',
                (byte) 0xc3, (byte) 0xa9, ',', '3', (byte) 0xc3, '\n'};
        assertAgreeAtEveryBlockSize("malformed", bytes, ',', new SourceOptions(List.of("a", "b"), null, 8, 1000));
    }

    @Test
    void recordBoundCountsCharactersNotBytes() {
        // 10 characters, 20 bytes: within a bound of 12 characters, though longer than 12 bytes.
        String twoByte = "\u00e9".repeat(9);
        String text = "a,b\n1,2\n" + twoByte + ",3\n4," + "5".repeat(10) + "\n6,7\n" + "8,9" + "9".repeat(12) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertAgreeAtEveryBlockSize("bound", bytes, ',', new SourceOptions(List.of("a", "b"), null, 3, 12));
        Outcome outcome = CsvReaderAgreement.read("fast",
                () -> FastCsvSource.open("bound", new ByteArrayInputStream(bytes), ',', new SourceOptions(List.of("b"), null, 3, 12)),
                List.of());
        assertEquals("bound:6: record longer than 12 characters (an unclosed quote?)", outcome.error());
        // Rows 1-3 came in the first batch; the batch holding row 4 ended in the error.
        assertEquals(3, outcome.batches().stream().mapToInt(CsvReaderAgreement.BatchCopy::size).sum());
    }

    @Test
    void quotesAreReportedWithOurRowNotCommonsLines() {
        byte[] bytes = "a,b\n\n\n1,2\n\"3\"x,4\n".getBytes(StandardCharsets.UTF_8);
        SourceOptions options = new SourceOptions(List.of("a"), null, 10, 1000);

        Outcome fast = CsvReaderAgreement.read("fast",
                () -> FastCsvSource.open("q.csv", new ByteArrayInputStream(bytes), ',', options), List.of());

        assertEquals("q.csv:5: cannot read: text after the closing quote of a field (a quote inside a quoted field"
                + " is written \"\") (data row 2)", fast.error());
        Outcome unclosed = CsvReaderAgreement.read("fast", () -> FastCsvSource.open("u.csv",
                new ByteArrayInputStream("a\n1\n\"2\n".getBytes(StandardCharsets.UTF_8)), ',', options), List.of());
        assertEquals("u.csv:3: cannot read: a quoted field is not closed before the end of the input", unclosed.error());
    }

    @Test
    void handOverMidBatchKeepsBatchesAndRowNumbers() throws Exception {
        StringBuilder text = new StringBuilder("v\n");
        for (int i = 1; i <= 25; i++) text.append(i == 14 ? "\"14\"" : Integer.toString(i)).append('\n');
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        try (Source source = FastCsvSource.open("h.csv", new ByteArrayInputStream(bytes), ',',
                new SourceOptions(List.of("v"), null, 10, 1000))) {
            assertInstanceOf(FastCsvSource.class, source);
            long[] firstRows = new long[3];
            for (int b = 0; b < 3; b++) {
                var batch = source.next();
                firstRows[b] = batch.firstRow();
                // Each row holds its own number, so value and number must agree across the hand-over at row 14.
                for (int i = 0; i < batch.size(); i++) assertEquals(batch.rowNumber(i), batch.column("v")[i]);
            }
            assertEquals(List.of(1L, 11L, 21L), Arrays.stream(firstRows).boxed().toList());
            assertEquals(25, source.rowsRead());
        }
        assertAgreeAtEveryBlockSize("hand-over", bytes, ',', new SourceOptions(List.of("v"), null, 10, 1000));
    }

    @Test
    void randomFilesReadTheSame() {
        Random random = new Random(42);
        for (int n = 0; n < 300; n++) {
            RandomCsv csv = RandomCsv.generate(random);
            int block = BLOCK_SIZES[random.nextInt(BLOCK_SIZES.length)];
            // Every other file also reads each column as text: quotes, malformed UTF-8 and hand-overs must
            // give the same texts and codes on both paths.
            SourceOptions options = n % 2 == 0 ? csv.options() : csv.options().withTexts(csv.options().columns());
            assertAgree("random file " + n + " (" + csv.describe() + ", block " + block + ", texts "
                    + !options.texts().isEmpty() + ")", csv.bytes(), csv.delimiter(), options, block);
        }
    }

    @Test
    void largeFileWithAQuoteNearTheEndReadsTheSame() throws Exception {
        // About 3 MB: several full blocks, then a quoted field, then more rows for Commons CSV to read.
        Random random = new Random(3);
        StringBuilder text = new StringBuilder("pred,target\r\n");
        for (int i = 0; i < 70_000; i++) {
            if (i == 65_000) text.append("\"0.5\",1\r\n");
            text.append(Double.toString(random.nextGaussian())).append(',')
                    .append(String.format(Locale.ROOT, "%.17g", random.nextDouble())).append("\r\n");
        }
        Path file = dir.resolve("large.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        Outcome outcome = CsvReaderAgreement.assertAgreeOnFile(file.toString(), SourceOptions.of(List.of("target", "pred")));

        assertEquals(70_001, outcome.batches().get(outcome.batches().size() - 1).rowsReadAfter());
    }

    @Test
    void gzipAndStdinReadTheSame() throws Exception {
        Random random = new Random(11);
        RandomCsv csv = RandomCsv.generate(random);
        while (csv.delimiter() != ',') csv = RandomCsv.generate(random);
        Path gz = dir.resolve("r.csv.gz");
        Files.write(gz, gzip(csv.bytes()));
        CsvReaderAgreement.assertAgreeOnFile(gz.toString(), csv.options());

        byte[] bytes = csv.bytes();
        for (byte[] stdin : List.of(bytes, gzip(bytes))) {
            Outcome commons = CsvReaderAgreement.viaSources("commons", "-", new ByteArrayInputStream(stdin), csv.options());
            Outcome fast = CsvReaderAgreement.viaSources("fast", "-", new ByteArrayInputStream(stdin), csv.options());
            CsvReaderAgreement.assertSame(commons, fast, "stdin");
        }
    }

    @Test
    void truncatedGzipIsAReadErrorOnBothPaths() throws Exception {
        StringBuilder text = new StringBuilder("a\n");
        for (int i = 0; i < 20_000; i++) text.append(i).append('\n');
        byte[] zipped = gzip(text.toString().getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("cut.csv.gz");
        Files.write(file, Arrays.copyOf(zipped, zipped.length / 2));

        for (String reader : List.of("commons", "fast")) {
            Outcome outcome = CsvReaderAgreement.viaSources(reader, file.toString(), InputStream.nullInputStream(),
                    SourceOptions.of(List.of("a")));
            // The row differs between readers (it depends on how far each buffers); the message does not.
            assertNotNull(outcome.error(), reader);
            // The line, where a reader gives one, is the variable part; the rest is matched whole.
            assertTrue(outcome.error().matches(Pattern.quote(file.toString()) + "(:[0-9]+)?"
                    + Pattern.quote(": cannot read: truncated gzip stream: it ends inside compressed data")), outcome.error());
        }
    }

    @Test
    void systemPropertyChoosesTheReader() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "a\n1\n");
        String before = System.getProperty(Sources.CSV_READER_PROPERTY);
        try {
            System.clearProperty(Sources.CSV_READER_PROPERTY);
            assertInstanceOf(FastCsvSource.class, open(file));
            System.setProperty(Sources.CSV_READER_PROPERTY, "commons");
            assertInstanceOf(CsvSource.class, open(file));
            System.setProperty(Sources.CSV_READER_PROPERTY, "fast");
            assertInstanceOf(FastCsvSource.class, open(file));
            System.setProperty(Sources.CSV_READER_PROPERTY, "quick");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open(file));
            assertEquals("losseval.csv must be 'fast' or 'commons', not 'quick'", e.getMessage());
        } finally {
            if (before == null) System.clearProperty(Sources.CSV_READER_PROPERTY);
            else System.setProperty(Sources.CSV_READER_PROPERTY, before);
        }
        // A multi-byte delimiter is Commons CSV's to split on.
        assertInstanceOf(CsvSource.class, open(file, new SourceOptions(List.of("a"), '\u00a7', 10, 1000)));
    }

    private static Source open(Path file) throws InputException {
        return open(file, SourceOptions.of(List.of("a")));
    }

    private static Source open(Path file, SourceOptions options) throws InputException {
        Source source = Sources.open(file.toString(), InputStream.nullInputStream(), options);
        source.close();
        // A file of known size is read through a byte meter (the progress line's); the reader is inside it.
        return source instanceof MeteredSource metered ? metered.metered() : source;
    }

    private static void assertAgreeAtEveryBlockSize(String what, byte[] bytes, char delimiter, SourceOptions options) {
        for (int block : BLOCK_SIZES) assertAgree(what + ", block " + block, bytes, delimiter, options, block);
    }

    private static void assertAgree(String what, byte[] bytes, char delimiter, SourceOptions options, int block) {
        Outcome commons = CsvReaderAgreement.read("commons",
                () -> CsvSource.open("f.csv", new ByteArrayInputStream(bytes), delimiter, options), options.groups());
        Outcome fast = CsvReaderAgreement.read("fast",
                () -> FastCsvSource.open("f.csv", new ByteArrayInputStream(bytes), delimiter, options, block),
                options.groups());
        CsvReaderAgreement.assertSame(commons, fast, what);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    /** A random CSV or TSV file in one of the dialects, with the options to read it. */
    record RandomCsv(byte[] bytes, char delimiter, SourceOptions options, String traits) {
        /** Cells that mean something different to a careless reader; none holds a delimiter, quote or line break. */
        private static final List<String> AWKWARD = List.of(
                "", " ", "  1.5 ", "+1", "-0.0", "0", "1e5", "1E-5", ".5", "5.", "-.5", "1e308", "1e309", "-1e309",
                "4.9e-324", "2.2250738585072011e-308", "1.7976931348623157e308", "NaN", "nan", "-NaN", "inf",
                "-Infinity", "+INF", "Infinit", "0x1p3", "1.5d", "2f", "abc", "e5", "1e", "+-1", "1..2",
                "\u00e9", "\uff11", "\u30002\u3000", "\t3\t", "9007199254740993", "0.30000000000000004",
                "123456789012345678901234567890e-20", "9007199254740993", "18446744073709551615", "1e22", "1e23",
                "0.00000000000000000000000001", "1e-64", "1e65", "-0", "00012", "1 ");

        static RandomCsv generate(Random random) {
            char delimiter = random.nextInt(4) == 0 ? '\t' : random.nextInt(8) == 0 ? ';' : ',';
            String eol = random.nextBoolean() ? "\n" : "\r\n";
            int fields = 1 + random.nextInt(4);
            List<String> traits = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            if (random.nextInt(4) == 0) {
                text.append('\ufeff');
                traits.add("bom");
            }
            List<String> names = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                String name = "c" + f;
                names.add(name);
                if (f > 0) text.append(delimiter);
                text.append(random.nextInt(5) == 0 ? " " + name + " " : name);
            }
            text.append(eol);
            int rows = random.nextInt(200);
            boolean quotes = random.nextInt(3) == 0;
            boolean broken = random.nextInt(6) == 0;
            int brokenRow = broken ? random.nextInt(rows + 1) : -1;
            if (quotes) traits.add("quotes");
            if (broken) traits.add("broken row " + brokenRow);
            for (int r = 0; r < rows; r++) {
                if (random.nextInt(20) == 0) text.append(random.nextBoolean() ? eol : "\n");
                int cells = r == brokenRow ? fields + (random.nextBoolean() ? 1 : -1) : fields;
                for (int f = 0; f < cells; f++) {
                    if (f > 0) text.append(delimiter);
                    text.append(cell(random, quotes, delimiter, eol));
                }
                if (r + 1 < rows || random.nextBoolean()) text.append(random.nextInt(200) == 0 ? "\r" : eol);
            }
            List<String> wanted = new ArrayList<>();
            for (String name : names) if (random.nextInt(3) > 0) wanted.add(name);
            int batchSize = new int[] {1, 3, 7, 64, 8192}[random.nextInt(5)];
            int maxRecordChars = random.nextInt(5) == 0 ? 10 + random.nextInt(60) : 1000;
            traits.add(eol.equals("\n") ? "lf" : "crlf");
            traits.add("batch " + batchSize + ", bound " + maxRecordChars);
            SourceOptions options = new SourceOptions(wanted, delimiter, batchSize, maxRecordChars);
            return new RandomCsv(text.toString().getBytes(StandardCharsets.UTF_8), delimiter, options, String.join(", ", traits));
        }

        private static String cell(Random random, boolean quotes, char delimiter, String eol) {
            if (quotes && random.nextInt(30) == 0) {
                return switch (random.nextInt(4)) {
                    case 0 -> "\"" + random.nextDouble() + "\"";
                    case 1 -> "\"a" + delimiter + "b\"";
                    case 2 -> "\"x" + eol + "y \"\"z\"\"\"";
                    default -> "1\"5";
                };
            }
            return switch (random.nextInt(5)) {
                case 0 -> AWKWARD.get(random.nextInt(AWKWARD.size()));
                case 1 -> String.format(Locale.ROOT, "%.17g", random.nextGaussian() * 1e3);
                case 2 -> Double.toString(Double.longBitsToDouble(random.nextLong()));
                case 3 -> canonical(random);
                default -> Double.toString(random.nextGaussian());
            };
        }

        /** A canonical decimal of 1 to 25 digits with an exponent near the fused path's limits (±22, ±64, ±308). */
        private static String canonical(Random random) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            int digits = 1 + random.nextInt(25);
            int point = random.nextInt(digits + 1);
            for (int i = 0; i < digits; i++) {
                if (i == point && i > 0) text.append('.');
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                int[] edges = {0, 22, 64, 308};
                int exponent = edges[random.nextInt(edges.length)] + random.nextInt(7) - 3;
                text.append(random.nextBoolean() ? "e" : "E").append(random.nextBoolean() ? "-" : "").append(exponent);
            }
            return text.toString();
        }

        String describe() { return traits; }
    }
}
