package org.losseval.archfixture.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.io.InputFile;

/** Allowed: Commons CSV, Parquet, Hadoop and FastDoubleParser in io. */
public final class Readers {
    private Readers() {}

    static double read(CSVFormat csv, InputFile parquet, Path hadoop, CharSequence number) {
        return JavaDoubleParser.parseDouble(number) + csv.hashCode() + parquet.hashCode() + hadoop.hashCode();
    }
}
