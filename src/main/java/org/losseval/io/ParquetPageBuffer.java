package org.losseval.io;

/**
 * The array that the column cursors of one reader decompress their data pages into, one after the other.
 *
 * <p>Why one per reader: a cursor decodes a whole page into its own level and value arrays as soon as it reaches
 * it ({@link ParquetColumnCursor}) and never reads the page's bytes again, so the cursors of a reader (one
 * thread) can take turns with a single array, grown to the largest page seen. A fresh array per page was
 * garbage at the allocation rate of the data (tens of megabytes a second), and one array per cursor kept
 * every column's last page alive (peak RSS, {@code src/bench/README.md}). Never shared between threads.
 */
final class ParquetPageBuffer {
    private byte[] bytes;

    /** The array to decompress the next page into (null before the first page; may be too short). */
    byte[] get() {
        return bytes;
    }

    /** Keeps {@code written}, the array a page was just decompressed into, for the next page. */
    void keep(byte[] written) {
        bytes = written;
    }
}
