package org.losseval.archfixture.app;

import org.apache.parquet.io.ParquetDecodingException;

/** Breaks "Parquet only in io" with nothing but a catch clause. */
public final class CatchesParquetErrors {
    private CatchesParquetErrors() {}

    static boolean failed(Runnable read) {
        try {
            read.run();
            return false;
        } catch (ParquetDecodingException e) {
            return true;
        }
    }
}
