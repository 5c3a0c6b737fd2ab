/**
 * Readers: turn CSV (a byte-level reader with FastDoubleParser, handing quoted input to Apache Commons CSV)
 * and Parquet (decoded here: {@link org.losseval.io.ParquetColumnCursor}, with Apache Parquet's Thrift model for
 * the footer) inputs into {@link org.losseval.batch.ColumnBatch}es. Library types never
 * leave this package, and every error names file, row and column. Also the per-row file of {@code --rows-out}
 * ({@link org.losseval.io.RowsWriter}: CSV/TSV through Commons CSV, Parquet written here with the same Thrift model), since
 * those libraries live here; what goes in a row is decided in {@code app}. Must not import losses, kernels,
 * reports, printers or picocli.
 */
package org.losseval.io;
