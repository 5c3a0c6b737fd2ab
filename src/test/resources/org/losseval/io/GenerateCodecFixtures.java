import java.nio.file.Files;
import java.nio.file.Path;
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
 * Writes codec-{snappy,gzip,zstd}.parquet with parquet-java's OWN compression codecs (its default
 * CodecFactory, built on Hadoop's codec classes), which losseval itself does not ship. The reader test
 * {@code ParquetCodecFixturesTest} checks that losseval's direct decompressors read them.
 *
 * <p>Not compiled by Maven (it lives in resources). Run once with Hadoop on the class path, from this
 * directory (all jars from the local Maven repository):
 * <pre>
 *   java -cp parquet-hadoop-1.17.1.jar:parquet-column-1.17.1.jar:parquet-common-1.17.1.jar:\
 *     parquet-encoding-1.17.1.jar:parquet-format-structures-1.17.1.jar:parquet-jackson-1.17.1.jar:\
 *     hadoop-client-api-3.4.2.jar:hadoop-client-runtime-3.4.2.jar:snappy-java-1.1.10.7.jar:\
 *     zstd-jni-1.5.7-3.jar:commons-pool-1.6.jar:jts-core-1.20.0.jar:slf4j-api-1.7.36.jar:\
 *     slf4j-nop-1.7.36.jar:commons-logging-1.2.jar GenerateCodecFixtures.java
 * </pre>
 *
 * <p>Content (200 rows in row groups of 64): {@code pred} optional DOUBLE, row r (1-based) holds r / 4,
 * null every 10th row; {@code target} required INT64 holding r * 3. Dictionary encoding stays on (the
 * writer's default), so dictionary pages are compressed too.
 */
public class GenerateCodecFixtures {
    public static void main(String[] args) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message fixture { optional double pred; required int64 target; }");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        for (CompressionCodecName codec : new CompressionCodecName[] {
                CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD}) {
            Path file = Path.of("codec-" + codec.name().toLowerCase() + ".parquet");
            Files.deleteIfExists(file);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withType(schema)
                    .withCompressionCodec(codec)
                    .withRowGroupRowCountLimit(64)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build()) {
                for (int row = 1; row <= 200; row++) {
                    Group group = groups.newGroup();
                    if (row % 10 != 0) group.add("pred", row / 4.0);
                    group.add("target", row * 3L);
                    writer.write(group);
                }
            }
        }
    }
}
