package org.losseval.archfixture.app;

import org.apache.parquet.io.InputFile;

/** Breaks "Parquet only in io". */
public final class ReadsParquetItself {
    private ReadsParquetItself() {}

    static long length(InputFile file) throws java.io.IOException {
        return file.getLength();
    }
}
