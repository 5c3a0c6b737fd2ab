/**
 * Readers: turn CSV (a byte-level reader with FastDoubleParser, handing quoted input to Apache Commons CSV)
 * and Parquet (parquet-java) inputs into {@link org.losseval.batch.ColumnBatch}es. Library types never
 * leave this package, and every error names file, row and column. Must not import losses, kernels,
 * reports, printers or picocli.
 */
package org.losseval.io;
