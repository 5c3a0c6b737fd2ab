package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The words of {@link ParquetErrors#describe} for the decoder's own messages and the Thrift decoder's. */
class ParquetErrorsTest {
    @Test
    void anEncodingNotReadIsSaidAsSuchNotAsDamage() {
        assertEquals("values of type INT96 encoded as PLAIN are not supported",
                ParquetErrors.describe(new IOException("values of type INT96 encoded as PLAIN are not supported")));
        assertEquals("levels encoded as BIT_PACKED are not supported (only RLE)",
                ParquetErrors.describe(new IOException("levels encoded as BIT_PACKED are not supported (only RLE)")));
    }

    @Test
    void theDecodersDamageMessagesPassAsTheyAre() {
        assertEquals("corrupt data: dictionary index 9 of a 3-entry dictionary",
                ParquetErrors.describe(new IOException("corrupt data: dictionary index 9 of a 3-entry dictionary")));
    }

    @Test
    void theThriftDecodersClassNamesAreTakenOut() {
        assertEquals("corrupt footer: cannot decode the file metadata (don't know what type: 15)", ParquetErrors.describe(
                new IOException("can not read class org.apache.parquet.format.FileMetaData: don't know what type: 15")));
    }
}
