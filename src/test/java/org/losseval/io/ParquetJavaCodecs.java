package org.losseval.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * parquet-java's decompressor interface over {@link ParquetDecompressors}, so tests can read files with
 * parquet-java (the reference reader) without Hadoop's codecs, whose Configuration needs jars the test class
 * path leaves out. Reading only.
 */
final class ParquetJavaCodecs implements CompressionCodecFactory {
    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        CompressionCodec codec = CompressionCodec.valueOf(codecName.name());
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput compressed, int uncompressedSize) throws IOException {
                byte[] in = compressed.toByteArray();
                return BytesInput.from(ParquetDecompressors.decompress(codec, in, 0, in.length, uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(ParquetDecompressors.decompress(codec, in, 0, in.length, uncompressedSize));
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("reading only");
    }

    @Override
    public void release() {}
}
