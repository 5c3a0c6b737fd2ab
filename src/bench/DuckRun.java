import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The DuckDB side of the losseval benchmark: one query through DuckDB's JDBC driver, in-memory database,
 * results printed one per line as {@code name value} (the value as Java's round-trip {@code Double.toString}).
 *
 * <pre>
 *   java -cp duckdb_jdbc.jar DuckRun.java [--threads N] reg FILE      # mse rmse mae huber pinball
 *   java -cp duckdb_jdbc.jar DuckRun.java [--threads N] ce FILE       # 10-class cross-entropy
 *   java -cp duckdb_jdbc.jar DuckRun.java to-parquet reg|ce CSV PARQUET
 * </pre>
 *
 * FILE is CSV or Parquet, told apart by its {@code .parquet} suffix. CSV columns are typed explicitly
 * (pred, target DOUBLE; l0..l9 DOUBLE, label INTEGER) so that DuckDB does its fastest read, not a guess.
 *
 * <p>Loss conventions are losseval's (see {@code losseval losses}):
 * <ul>
 *   <li>mse = mean(r²), rmse = √mse, mae = mean|r|, with r = pred − target;</li>
 *   <li>huber (δ = 1, PyTorch HuberLoss) = mean(½r² if |r| ≤ δ else δ(|r| − ½δ));</li>
 *   <li>pinball (q = 0.9, scikit-learn mean_pinball_loss) = mean(q(y − ŷ) if y ≥ ŷ else (1 − q)(ŷ − y));</li>
 *   <li>ce = mean(logsumexp(l0..l9) − l[label]), logsumexp written out as m + ln Σ exp(lk − m), m = max lk,
 *       so that no exp overflows (PyTorch CrossEntropyLoss with mean reduction).</li>
 * </ul>
 * The means are DuckDB's plain {@code avg}: what a user would write, and accurate far beyond the 1e-9
 * relative agreement the benchmark checks.
 */
public final class DuckRun {

    private static final int CLASSES = 10;

    private DuckRun() {
    }

    public static void main(String[] args) throws Exception {
        int at = 0;
        Integer threads = null;
        if (args.length >= 2 && args[0].equals("--threads")) {
            threads = Integer.valueOf(args[1]);
            at = 2;
        }
        if (args.length - at < 2) {
            usage();
        }
        String mode = args[at];
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            if (threads != null) {
                statement.execute("SET threads = " + threads);
            }
            switch (mode) {
                case "reg" -> print(statement, regressionQuery(source(args[at + 1], Kind.REG)));
                case "ce" -> print(statement, crossEntropyQuery(source(args[at + 1], Kind.CE)));
                case "to-parquet" -> {
                    if (args.length - at != 4) {
                        usage();
                    }
                    Kind kind = Kind.valueOf(args[at + 1].toUpperCase(Locale.ROOT));
                    // ~80 row groups for 10^7 rows: the layout a Spark or pandas writer would produce.
                    statement.execute("COPY (SELECT * FROM " + source(args[at + 2], kind) + ") TO "
                            + literal(args[at + 3])
                            + " (FORMAT PARQUET, COMPRESSION SNAPPY, ROW_GROUP_SIZE 131072)");
                }
                default -> usage();
            }
        }
    }

    /** The two data sets the benchmark generates; the column types DuckDB reads their CSV with. */
    private enum Kind {
        REG("{'pred': 'DOUBLE', 'target': 'DOUBLE'}"),
        CE(ceColumns());

        private final String csvColumns;

        Kind(String csvColumns) {
            this.csvColumns = csvColumns;
        }

        private static String ceColumns() {
            StringJoiner columns = new StringJoiner(", ", "{", "}");
            for (int k = 0; k < CLASSES; k++) {
                columns.add("'l" + k + "': 'DOUBLE'");
            }
            return columns.add("'label': 'INTEGER'").toString();
        }
    }

    private static String source(String file, Kind kind) {
        if (file.endsWith(".parquet")) {
            return "read_parquet(" + literal(file) + ")";
        }
        return "read_csv(" + literal(file) + ", header = true, delim = ',', columns = " + kind.csvColumns + ")";
    }

    private static String regressionQuery(String source) {
        // huber with delta = 1 and pinball with q = 0.9, the losses `losseval -l huber:delta=1,pinball:q=0.9` runs.
        return """
                SELECT avg((pred - target) * (pred - target)) AS mse,
                       sqrt(avg((pred - target) * (pred - target))) AS rmse,
                       avg(abs(pred - target)) AS mae,
                       avg(CASE WHEN abs(pred - target) <= 1.0 THEN 0.5 * (pred - target) * (pred - target)
                                ELSE 1.0 * (abs(pred - target) - 0.5) END) AS huber,
                       avg(CASE WHEN target >= pred THEN 0.9 * (target - pred)
                                ELSE 0.1 * (pred - target) END) AS pinball
                FROM\s""" + source;
    }

    private static String crossEntropyQuery(String source) {
        StringJoiner logits = new StringJoiner(", ");
        StringJoiner shiftedExps = new StringJoiner(" + ");
        StringBuilder picked = new StringBuilder("CASE label");
        for (int k = 0; k < CLASSES; k++) {
            logits.add("l" + k);
            shiftedExps.add("exp(l" + k + " - m)");
            picked.append(" WHEN ").append(k).append(" THEN l").append(k);
        }
        picked.append(" END");
        return "SELECT avg(m + ln(" + shiftedExps + ") - " + picked + ") AS ce"
                + " FROM (SELECT *, greatest(" + logits + ") AS m FROM " + source + ")";
    }

    private static void print(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            ResultSetMetaData meta = rows.getMetaData();
            rows.next();
            StringBuilder out = new StringBuilder();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                out.append(meta.getColumnLabel(c)).append(' ').append(rows.getDouble(c)).append('\n');
            }
            System.out.print(out);
        }
    }

    /** A SQL string literal: file names are the only user text that reaches a query. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void usage() {
        System.err.println("usage: DuckRun [--threads N] reg|ce FILE");
        System.err.println("       DuckRun to-parquet reg|ce CSV PARQUET");
        System.exit(2);
    }
}
