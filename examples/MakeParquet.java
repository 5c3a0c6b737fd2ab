import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes houses.parquet, sensors.parquet and leaves.parquet (logits and soft targets as list columns) from
 * the CSV files beside them, with DuckDB's JDBC driver.
 * Run by make_parquet.sh: {@code java -cp duckdb_jdbc.jar MakeParquet.java <examples dir>}.
 *
 * <p>Columns are DOUBLE (id BIGINT), Snappy-compressed. sensors.parquet is cut into row groups of
 * ROW_GROUP_SIZE 1000 requested rows so readers are exercised across row-group boundaries (DuckDB
 * rounds a row group up to its 2048-row vector size, so 5000 rows give three groups). One thread
 * keeps the row order and the row groups reproducible.
 */
public class MakeParquet {
    public static void main(String[] args) throws SQLException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 1");
            s.execute("SET preserve_insertion_order = true");
            copy(s, dir, "houses", "{'pred': 'DOUBLE', 'target': 'DOUBLE'}", "");
            copy(s, dir, "sensors", "{'id': 'BIGINT', 'pred': 'DOUBLE', 'target': 'DOUBLE', 'w': 'DOUBLE',"
                    + " 'p10': 'DOUBLE', 'p50': 'DOUBLE', 'p90': 'DOUBLE', 'baseline': 'DOUBLE',"
                    + " 'sensor': 'VARCHAR'}", ", ROW_GROUP_SIZE 1000");
            // leaves.parquet keeps the logits and the soft target as LIST<DOUBLE> columns.
            Path leaves = dir.resolve("leaves.csv");
            s.execute("COPY (SELECT [l0, l1, l2, l3, l4]::DOUBLE[] AS logits, label::BIGINT AS label,"
                    + " [t0, t1, t2, t3, t4]::DOUBLE[] AS target_probs, w::DOUBLE AS w FROM read_csv(" + quote(leaves)
                    + ", header = true)) TO " + quote(dir.resolve("leaves.parquet")) + " (FORMAT parquet, COMPRESSION snappy)");
            for (String name : new String[] {"houses", "sensors", "leaves"}) {
                describe(s, dir.resolve(name + ".parquet"));
            }
        }
    }

    private static void copy(Statement s, Path dir, String name, String columns, String extra) throws SQLException {
        Path csv = dir.resolve(name + ".csv");
        Path parquet = dir.resolve(name + ".parquet");
        if (!Files.isRegularFile(csv)) throw new IllegalStateException("missing " + csv);
        s.execute("COPY (SELECT * FROM read_csv(" + quote(csv) + ", header = true, columns = " + columns + "))"
                + " TO " + quote(parquet) + " (FORMAT parquet, COMPRESSION snappy" + extra + ")");
    }

    private static void describe(Statement s, Path parquet) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT row_group_id, any_value(row_group_num_rows),"
                + " string_agg(DISTINCT compression, ',')"
                + " FROM parquet_metadata(" + quote(parquet) + ") GROUP BY row_group_id ORDER BY row_group_id")) {
            while (r.next()) {
                System.out.println(parquet.getFileName() + ": row group " + r.getLong(1) + ", "
                        + r.getLong(2) + " rows, " + r.getString(3));
            }
        }
    }

    private static String quote(Path p) { return "'" + p.toString().replace("'", "''") + "'"; }
}
