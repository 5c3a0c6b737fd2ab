package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.batch.ColumnBatch;
import org.losseval.batch.TextColumn;
import org.losseval.io.CsvReaderAgreement.Outcome;

/**
 * Text columns ({@link SourceOptions#texts()}) from CSV files, read by both CSV readers
 * ({@link CsvReaderAgreement} asserts they agree on every text and code); expected texts are the ones written
 * into each file by hand.
 */
class TextColumnsCsvTest {
    private static final String REGIONS = "region,device,pred,target\n"
            + "eu,ios,1,2\n"
            + "us,android,3,4\n"
            + "eu,,5,6\n"
            + "\"a, quoted\",ios,7,8\n"
            + " eu,ios,9,10\n"
            + "us,ios,11,12\n";

    @TempDir Path dir;

    @Test
    void textsAndCodesAreStableAcrossBatchesAndTheSameOnBothReaders() throws Exception {
        Path file = write("r.csv", REGIONS);
        // Batches of two rows: codes must carry on across batches (and across the quoted row's hand-over).
        SourceOptions options = new SourceOptions(List.of("pred"), null, 2, 1000, List.of(), List.of("region", "device"));

        Outcome outcome = CsvReaderAgreement.assertAgreeOnFile(file.toString(), options);

        assertEquals(List.of("eu", "us", "eu", "a, quoted", " eu", "us"), texts(outcome, 0));
        // The empty field is the empty string, a value of its own; " eu" is not "eu" (no trimming, as pandas).
        assertEquals(List.of("ios", "android", "", "ios", "ios", "ios"), texts(outcome, 1));
        assertEquals(List.of(0, 1, 0, 2, 3, 1), codes(outcome, 0));
        assertEquals(List.of(0, 1, 2, 0, 0, 0), codes(outcome, 1));
    }

    @Test
    void aColumnReadAsNumbersAndAsTextGivesBoth() throws Exception {
        Path file = write("n.csv", "y,p\n1,0.5\n1.0,0.25\n1,0\n");
        SourceOptions options = SourceOptions.of(List.of("y", "p")).withTexts(List.of("y"));

        Outcome outcome = CsvReaderAgreement.assertAgreeOnFile(file.toString(), options);

        // Text as written: 1 and 1.0 are different values (a CSV cell's text, not the number it reads as).
        assertEquals(List.of("1", "1.0", "1"), texts(outcome, 0));
        assertEquals(List.of("y", "p"), outcome.batches().get(0).columns());
    }

    @Test
    void gzipReadsTheSameTexts() throws Exception {
        Path file = dir.resolve("r.csv.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write(REGIONS.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());

        Outcome outcome = CsvReaderAgreement.assertAgreeOnFile(file.toString(),
                SourceOptions.of(List.of("pred")).withTexts(List.of("region")));

        assertEquals(List.of("eu", "us", "eu", "a, quoted", " eu", "us"), texts(outcome, 0));
    }

    @Test
    void fileAndHivePartitionsAreVirtualColumns() throws Exception {
        Path partition = Files.createDirectories(dir.resolve("dumps/date=2026-11-01/hour=07/model=a%2Fb"));
        Path file = Files.writeString(partition.resolve("part-0.csv"), "pred,target\n1,2\n3,4\n");
        SourceOptions options = SourceOptions.of(List.of("pred")).withTexts(List.of("date", "file", "hour", "model"));

        Outcome outcome = CsvReaderAgreement.assertAgreeOnFile(file.toString(), options);

        assertEquals(List.of("2026-11-01", "2026-11-01"), texts(outcome, 0));
        assertEquals(List.of(file.toString(), file.toString()), texts(outcome, 1));
        // Kept as text: "07" stays "07".
        assertEquals(List.of("07", "07"), texts(outcome, 2));
        // Percent-decoded as Hive and Spark escape a partition value.
        assertEquals(List.of("a/b", "a/b"), texts(outcome, 3));
        assertEquals(List.of(0, 0), codes(outcome, 0));
    }

    @Test
    void aRealColumnWinsOverAVirtualOne() throws Exception {
        Path partition = Files.createDirectories(dir.resolve("date=2026-11-01"));
        Path file = Files.writeString(partition.resolve("p.csv"), "pred,file,date\n1,x.csv,2026-10-31\n2,y.csv,\n");

        Outcome outcome = CsvReaderAgreement.assertAgreeOnFile(file.toString(),
                SourceOptions.of(List.of("pred")).withTexts(List.of("file", "date")));

        assertEquals(List.of("x.csv", "y.csv"), texts(outcome, 0));
        assertEquals(List.of("2026-10-31", ""), texts(outcome, 1));
    }

    @Test
    void virtualColumnsOfNames() {
        assertEquals(Map.of("file", "-"), TextColumns.virtualColumns("-"));
        assertEquals(List.of("file", "a", "b"),
                List.copyOf(TextColumns.virtualColumns("x/a=1/b=2/a=3/f.parquet").keySet()));
        // The innermost segment wins; Hive's null partition is the missing value; the file name is no segment.
        assertEquals("3", TextColumns.virtualColumns("x/a=1/b=2/a=3/f.parquet").get("a"));
        assertEquals("", TextColumns.virtualColumns("a=__HIVE_DEFAULT_PARTITION__/f.csv").get("a"));
        assertEquals(Map.of("file", "k=v.csv"), TextColumns.virtualColumns("k=v.csv"));
        assertEquals("1+1%zz", TextColumns.virtualColumns("k=1+1%zz/f.csv").get("k"));
        assertEquals("c", TextColumns.virtualColumns("C:\\data\\k=c\\f.csv").get("k"));
        // "=v" has no key: not a partition.
        assertEquals(Map.of("file", "=v/f.csv"), TextColumns.virtualColumns("=v/f.csv"));
    }

    @Test
    void aMissingTextColumnNamesFileAndColumn() throws Exception {
        Path file = write("m.csv", REGIONS);
        for (String reader : List.of("commons", "fast")) {
            Outcome outcome = CsvReaderAgreement.viaSources(reader, file.toString(), InputStream.nullInputStream(),
                    SourceOptions.of(List.of("pred")).withTexts(List.of("regoin")));
            assertEquals(file + ": column 'regoin': no such column; columns are: region, device, pred, target"
                    + " (did you mean 'region'?)", outcome.error(), reader);
        }
    }

    @Test
    void manyDistinctValuesAndMalformedUtf8() throws Exception {
        // 3000 distinct ids over 9000 rows, and two malformed byte sequences that decode to the same text.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("id,v\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 9000; i++) bytes.write(("id" + (i * 7 % 3000) + "," + i + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xC3, ',', '1', '\n', (byte) 0xE2, ',', '2', '\n'});
        Path file = dir.resolve("ids.csv");
        Files.write(file, bytes.toByteArray());

        Outcome outcome = CsvReaderAgreement.assertAgreeOnFile(file.toString(),
                SourceOptions.of(List.of("v")).withTexts(List.of("id")));

        List<String> texts = texts(outcome, 0);
        List<Integer> codes = codes(outcome, 0);
        for (int i = 0; i < 9000; i++) {
            assertEquals("id" + (i * 7 % 3000), texts.get(i));
            // Codes in order of first appearance: rows 0..2999 are the 3000 ids, each new.
            assertEquals(i < 3000 ? i : codes.get(i % 3000), codes.get(i));
        }
        assertEquals(List.of("\uFFFD", "\uFFFD"), texts.subList(9000, 9002));
        assertEquals(List.of(3000, 3000), codes.subList(9000, 9002));
    }

    @Test
    void aBatchCopyAndRetainKeepTheTexts() throws Exception {
        Path file = write("r.csv", REGIONS);
        try (Source source = Sources.open(file.toString(), InputStream.nullInputStream(),
                SourceOptions.of(List.of("pred")).withTexts(List.of("region")))) {
            ColumnBatch batch = source.next();
            ColumnBatch copy = batch.copy(null);
            batch.retain(new boolean[] {false, true, false, true, true, false});
            assertEquals(List.of("us", "a, quoted", " eu"), List.of(batch.textColumn("region").text(0),
                    batch.textColumn("region").text(1), batch.textColumn("region").text(2)));
            TextColumn copied = copy.textColumn("region");
            assertEquals("eu", copied.text(2));
            assertEquals(4, copied.distinct());
        }
    }

    /** The texts of text column {@code t} over every batch of an outcome. */
    static List<String> texts(Outcome outcome, int t) {
        List<String> all = new ArrayList<>();
        for (CsvReaderAgreement.BatchCopy batch : outcome.batches()) all.addAll(batch.texts().get(t));
        return all;
    }

    static List<Integer> codes(Outcome outcome, int t) {
        List<Integer> all = new ArrayList<>();
        for (CsvReaderAgreement.BatchCopy batch : outcome.batches()) all.addAll(batch.codes().get(t));
        return all;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
