package org.losseval.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.losseval.io.CsvReaderAgreement.Outcome;

/**
 * Differential fuzzing of the CSV fast path ({@link FastCsvSource}) against Commons CSV ({@link CsvSource}):
 * on any bytes, any delimiter, block size, batch size and record bound, both deliver the same batches (every
 * value bit for bit, every cell issue, every row count) or refuse with the same {@link InputException}
 * (message, row, column) at the same point ({@link CsvReaderAgreement}). Any other exception from either
 * reader is a finding too.
 *
 * <p>Plain {@code mvn verify} runs this on the committed inputs in
 * {@code src/test/resources/org/losseval/io/CsvFastPathFuzzTestInputs/} (Jazzer's regression mode; the
 * options come from the end of each input, the CSV text from its start). To fuzz: see src/test/FUZZING.md.
 */
class CsvFastPathFuzzTest {
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int[] BLOCK_SIZES = {1, 2, 3, 7, 64, 1000, FastCsvSource.BLOCK_BYTES};

    @FuzzTest(maxDuration = "5m")
    void bothReadersAgree(FuzzedDataProvider data) {
        char delimiter = data.pickValue(DELIMITERS);
        int block = data.pickValue(BLOCK_SIZES);
        int batchSize = data.consumeInt(1, 9);
        int maxRecordChars = data.consumeBoolean() ? data.consumeInt(1, 64) : SourceOptions.DEFAULT_MAX_RECORD_CHARS;
        byte[] bytes = data.consumeRemainingAsBytes();
        SourceOptions options = new SourceOptions(List.of("a", "b"), null, batchSize, maxRecordChars);
        Outcome commons = CsvReaderAgreement.read("commons",
                () -> CsvSource.open("f.csv", new ByteArrayInputStream(bytes), delimiter, options), options.groups());
        Outcome fast = CsvReaderAgreement.read("fast",
                () -> FastCsvSource.open("f.csv", new ByteArrayInputStream(bytes), delimiter, options, block),
                options.groups());
        CsvReaderAgreement.assertSame(commons, fast, "delimiter " + (int) delimiter + ", block " + block);
    }
}
