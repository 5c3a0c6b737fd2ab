#!/bin/sh
# Writes houses.parquet and sensors.parquet beside this script from the CSV files (see MakeParquet.java).
# Needs a JDK (17+) and Maven with network access once, to fetch DuckDB's JDBC driver into ~/.m2.
# Not needed at build or test time: the generated .parquet files are committed.
set -eu
DUCKDB_VERSION="${DUCKDB_VERSION:-1.5.6.0}"
here="$(cd "$(dirname "$0")" && pwd)"
jar="${HOME}/.m2/repository/org/duckdb/duckdb_jdbc/${DUCKDB_VERSION}/duckdb_jdbc-${DUCKDB_VERSION}.jar"
if [ ! -f "$jar" ]; then
    mvn -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:${DUCKDB_VERSION}" -Dtransitive=false
fi
java -cp "$jar" "$here/MakeParquet.java" "$here"
