import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Writes the CSV inputs of the losseval benchmark, the same bytes for the same arguments on any Java 17+
 * (SplittableRandom and its nextGaussian are specified algorithms).
 *
 * <pre>
 *   java GenerateData.java DIR [REG_ROWS [CE_ROWS [SEED]]]     defaults: 10000000 1000000 20240917
 * </pre>
 *
 * <ul>
 *   <li>{@code reg_10m.csv}: header {@code pred,target}; target ~ 50 + 10·N(0,1); pred = target + noise,
 *       noise ~ N(0,1), and for 1% of rows 25·N(0,1) (outliers, so that huber and the contribution figures
 *       have something to find). Doubles are written by {@code Double.toString}, which reads back exactly and
 *       uses at most 17 significant digits (about 37 bytes a row: 369 MB for 10^7 rows).</li>
 *   <li>{@code ce_1m.csv}: header {@code l0,...,l9,label}; label uniform in 0..9; logits 1.5·N(0,1), plus 2 on
 *       the label's logit (a model that is right about half the time).</li>
 *   <li>{@code houses.csv}: the three houses of the project's worked example (mse 16200).</li>
 * </ul>
 * Each file is written under a temporary name and moved into place, so an interrupted run never leaves a
 * truncated file that a later run would reuse.
 */
public final class GenerateData {

    private static final long DEFAULT_REG_ROWS = 10_000_000L;
    private static final long DEFAULT_CE_ROWS = 1_000_000L;
    private static final long DEFAULT_SEED = 20240917L;
    private static final int CLASSES = 10;
    private static final double OUTLIER_FRACTION = 0.01;
    private static final int BUFFER_CHARS = 1 << 20;

    private GenerateData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: java GenerateData.java DIR [REG_ROWS [CE_ROWS [SEED]]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long regRows = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_REG_ROWS;
        long ceRows = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_CE_ROWS;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        Files.createDirectories(dir);
        // Separate streams per file: the regression data does not change when CE_ROWS does.
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom regRandom = root.split();
        SplittableRandom ceRandom = root.split();
        write(dir.resolve("reg_10m.csv"), out -> writeRegression(out, regRows, regRandom));
        write(dir.resolve("ce_1m.csv"), out -> writeCrossEntropy(out, ceRows, ceRandom));
        write(dir.resolve("houses.csv"), out -> out.write("pred,target\n210,200\n340,350\n400,180\n"));
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static void write(Path file, Content content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.US_ASCII)) {
            content.writeTo(out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeRegression(Writer out, long rows, SplittableRandom random) throws IOException {
        StringBuilder text = new StringBuilder(BUFFER_CHARS + 64);
        text.append("pred,target\n");
        for (long i = 0; i < rows; i++) {
            double target = 50 + 10 * random.nextGaussian();
            double noiseScale = random.nextDouble() < OUTLIER_FRACTION ? 25 : 1;
            double pred = target + noiseScale * random.nextGaussian();
            text.append(pred).append(',').append(target).append('\n');
            if (text.length() >= BUFFER_CHARS) {
                out.append(text);
                text.setLength(0);
            }
        }
        out.append(text);
    }

    private static void writeCrossEntropy(Writer out, long rows, SplittableRandom random) throws IOException {
        StringBuilder text = new StringBuilder(BUFFER_CHARS + 512);
        for (int k = 0; k < CLASSES; k++) {
            text.append('l').append(k).append(',');
        }
        text.append("label\n");
        for (long i = 0; i < rows; i++) {
            int label = random.nextInt(CLASSES);
            for (int k = 0; k < CLASSES; k++) {
                double logit = 1.5 * random.nextGaussian() + (k == label ? 2 : 0);
                text.append(logit).append(',');
            }
            text.append(label).append('\n');
            if (text.length() >= BUFFER_CHARS) {
                out.append(text);
                text.setLength(0);
            }
        }
        out.append(text);
    }
}
