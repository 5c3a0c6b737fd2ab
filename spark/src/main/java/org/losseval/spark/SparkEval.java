package org.losseval.spark;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;
import org.losseval.cli.Cli;

/**
 * spark-submit's main class: {@code spark-submit --class org.losseval.spark.SparkEval losseval-spark.jar eval FILE...
 * OPTIONS}. The arguments are the command line's, parsed by its own command, and so are the report's formats, -o,
 * the failed-gate lines and the exit codes (0, 1 a failed gate, 2 usage, 3 data, 70 a bug): only the reading is
 * Spark's ({@link LossEval}). The Spark session is made only when an evaluation runs (not for --help), with the
 * master spark-submit sets (or {@code -Dspark.master}).
 */
public final class SparkEval {
    private SparkEval() {}

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, System.in, new FileOutputStream(FileDescriptor.out), err);
        System.exit(code);
    }

    /** Runs {@code args} with Spark evaluating; returns the exit code. */
    static int run(String[] args, InputStream stdin, OutputStream stdout, PrintWriter err) {
        return Cli.run(args, stdin, stdout, err, request -> {
            // The request's own words: the executors parse them again (PartitionFold).
            String[] evalArgs = args.length > 0 && args[0].equals("eval") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
            SparkSession spark = SparkSession.builder().appName("losseval").getOrCreate();
            return LossEval.evaluate(spark, evalArgs);
        });
    }
}
