package org.losseval.io;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests outside {@code io} change a stored double of a Parquet file as {@link ParquetChecksumTest} does. */
public final class ParquetChecksumTestAccess {
    private ParquetChecksumTestAccess() {}

    public static void flipLowByteOf(Path file, double value) throws IOException {
        ParquetChecksumTest.flipLowByteOf(file, value);
    }
}
