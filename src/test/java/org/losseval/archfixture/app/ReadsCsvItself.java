package org.losseval.archfixture.app;

import org.apache.commons.csv.CSVFormat;

/** Breaks "Commons CSV only in io". */
public final class ReadsCsvItself {
    private ReadsCsvItself() {}

    static CSVFormat format() {
        return CSVFormat.DEFAULT;
    }
}
