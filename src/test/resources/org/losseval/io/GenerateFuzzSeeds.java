import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes the fuzz seeds {@code v1-plain.parquet} and {@code v2-delta.parquet} (in
 * {@code ParquetReaderFuzzTestInputs/onlyInputErrors/}): uncompressed and without page checksums, so that
 * the fuzzer's mutations reach losseval's page decoders (levels, dictionary indices, PLAIN, DELTA_BINARY_PACKED,
 * RLE) instead of stopping at a CRC or a decompressor. Not compiled by Maven; run from the project root after
 * {@code mvn -o test-compile} with the test class path:
 * <pre>
 *   mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp "$(cat /tmp/cp.txt)" src/test/resources/org/losseval/io/GenerateFuzzSeeds.java \
 *       src/test/resources/org/losseval/io/ParquetReaderFuzzTestInputs/onlyInputErrors
 * </pre>
 * Content (120 rows, row groups of 50): {@code pred} optional DOUBLE, row r (1-based) r % 7 / 2 (a dictionary),
 * null every 9th row; {@code target} optional INT64 r * 5, null every 11th row.
 */
public class GenerateFuzzSeeds {
    public static void main(String[] args) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message seed { optional double pred; optional int64 target; }");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
            Path file = Path.of(args[0], version == ParquetProperties.WriterVersion.PARQUET_1_0 ? "v1-plain.parquet"
                    : "v2-delta.parquet");
            Files.deleteIfExists(file);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration())
                    .withType(schema)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                    .withWriterVersion(version)
                    .withPageWriteChecksumEnabled(false)
                    .withRowGroupRowCountLimit(50)
                    .withPageRowCountLimit(20)
                    .build()) {
                for (int r = 1; r <= 120; r++) {
                    Group group = groups.newGroup();
                    if (r % 9 != 0) group.add("pred", (r % 7) / 2.0);
                    if (r % 11 != 0) group.add("target", r * 5L);
                    writer.write(group);
                }
            }
        }
    }
}
