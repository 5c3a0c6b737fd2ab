#!/usr/bin/env bash
# losseval against its peers (DuckDB through JDBC, 1 and 2 threads; pandas + numpy when present) on the
# same files, in one run: a Markdown table of median wall times, ratios to DuckDB 2T and the goals of the
# performance issue, plus peak RSS; losseval on every JDK given (17 and 25 by default), one table per JDK
# and the ratios between them. Every losseval (and pandas) result is checked against DuckDB's to 1e-9
# relative; a disagreement prints MISMATCH and makes the script exit 1.
#
# Usage:  src/bench/compare.sh [--rows N] [--ce-rows N] [--runs N] [--jdks LIST] [--dir DIR]
#   --rows N      rows of reg_10m.csv (default 10000000; e.g. 200000 for a quick check)
#   --ce-rows N   rows of ce_1m.csv (default: rows / 10, so 1000000 by default)
#   --runs N      timed runs of each command (default 5); one more untimed run measures peak RSS and
#                 checks the result
#   --jdks LIST   the JDKs losseval runs on, comma-separated: a feature release (17, 25: the java on PATH
#                 when it is that release, else /usr/lib/jvm/*-N-*) or a JAVA_HOME. Default 17,25, each
#                 when installed (else the java on PATH); a JDK named explicitly must exist. The peers
#                 (DuckDB, the hello world of the main table) run once, on the java on PATH
#   --dir DIR     scratch dir (default ${TMPDIR:-/tmp}/losseval-bench); data, the DuckDB jar and the
#                 compiled helpers are reused from there when they match
# Environment:
#   LOSSEVAL         the launcher to measure (default: `losseval` on PATH, else this checkout's bin/losseval)
#   HYPERFINE        the hyperfine to time with (default: on PATH); empty: time with a bash loop instead
#   DUCKDB_VERSION   org.duckdb:duckdb_jdbc version fetched with Maven (default 1.5.6.0)
#   PEER_JAVA_OPTS   JVM flags for DuckRun and the hello world (default: the launcher's own
#                    "-XX:+UseSerialGC -XX:-UsePerfData", so the JVMs start alike)
# Needs: bash, a JDK 17+ (java, javac), Maven (only to fetch the DuckDB jar once), awk; uses hyperfine
# (median of --runs, via --export-json) and /usr/bin/time (peak RSS) when present. The full run takes
# roughly 15-25 minutes with two JDKs on a quiet 2-core machine and ~1 GB of scratch disk; see README.md here.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

rows=10000000
ce_rows=
runs=5
jdk_list=
dir=${TMPDIR:-/tmp}/losseval-bench
duckdb_version=${DUCKDB_VERSION:-1.5.6.0}
read -r -a peer_java_opts <<<"${PEER_JAVA_OPTS:--XX:+UseSerialGC -XX:-UsePerfData}"
seed=20240917
rel_tol=1e-9
reg_losses=mse,rmse,mae,huber:delta=1,pinball:q=0.9

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit "$1"
}

positive() {
    case $2 in
        '' | *[!0-9]* | 0) echo "compare.sh: $1 needs a positive integer, not '$2'" >&2; exit 2 ;;
    esac
}

while [ $# -gt 0 ]; do
    case $1 in
        --rows) positive "$1" "${2:-}"; rows=$2; shift 2 ;;
        --ce-rows) positive "$1" "${2:-}"; ce_rows=$2; shift 2 ;;
        --runs) positive "$1" "${2:-}"; runs=$2; shift 2 ;;
        --jdks) [ -n "${2:-}" ] || usage 2; jdk_list=$2; shift 2 ;;
        --dir) [ -n "${2:-}" ] || usage 2; dir=$2; shift 2 ;;
        -h | --help) usage 0 ;;
        *) echo "compare.sh: unknown argument '$1'" >&2; usage 2 ;;
    esac
done
[ -n "$ce_rows" ] || ce_rows=$(( rows / 10 > 0 ? rows / 10 : 1 ))

say() { printf '%s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
started=$(date +%s)

# ---------------------------------------------------------------- tools
if [ -n "${LOSSEVAL:-}" ]; then
    losseval=$LOSSEVAL
elif have losseval; then
    losseval=$(command -v losseval)
else
    losseval=$repo/bin/losseval
fi
"$losseval" --version >/dev/null 2>&1 || {
    say "compare.sh: '$losseval --version' failed; build with 'mvn -q -Dmaven.test.skip=true package' or set LOSSEVAL"
    exit 2
}
have java && have javac || { say "compare.sh: needs a JDK 17+ (java and javac)"; exit 2; }

# The JDKs losseval runs on: tags (feature releases) in order, with their JAVA_HOME and version line.
default_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
java_feature() { "$1/bin/java" -version 2>&1 | sed -n '1s/.* version "\([0-9]*\).*/\1/p'; }
# jdk_home SPEC: the JAVA_HOME of a feature release (the java on PATH first) or of a directory.
jdk_home() {
    local h
    if [ -x "$1/bin/java" ]; then (cd "$1" && pwd); return; fi
    case $1 in '' | *[!0-9]*) return 1 ;; esac
    [ "$(java_feature "$default_home")" = "$1" ] && { echo "$default_home"; return; }
    for h in /usr/lib/jvm/*-"$1"-* /usr/lib/jvm/*-"$1"; do
        [ -x "$h/bin/java" ] && { echo "$h"; return; }
    done
    return 1
}
declare -A jhome jversion
jdks=()
IFS=, read -r -a jdk_specs <<<"${jdk_list:-17,25}"
for spec in "${jdk_specs[@]}"; do
    if ! home=$(jdk_home "$spec"); then
        [ -z "$jdk_list" ] && continue # a default JDK that is not installed
        say "compare.sh: --jdks: no JDK '$spec' (give a feature release installed here or a JAVA_HOME)"
        exit 2
    fi
    tag=$(java_feature "$home")
    [ -n "$tag" ] && [ -z "${jhome[$tag]:-}" ] || { say "compare.sh: --jdks: '$spec' ($home) repeats Java ${tag:-?}"; exit 2; }
    jdks+=("$tag")
    jhome[$tag]=$home
    jversion[$tag]=$("$home/bin/java" -version 2>&1 | head -n 1)
done
if [ ${#jdks[@]} -eq 0 ]; then # neither 17 nor 25: the java on PATH
    tag=$(java_feature "$default_home")
    jdks=("$tag")
    jhome[$tag]=$default_home
    jversion[$tag]=$(java -version 2>&1 | head -n 1)
fi
hyperfine=${HYPERFINE-$(command -v hyperfine || true)}
[ -n "$hyperfine" ] && timer=hyperfine || timer="bash loop (date +%s%N)"
[ -x /usr/bin/time ] && rss_tool=/usr/bin/time || rss_tool=
pandas=
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
    pandas=/usr/bin/python3
fi
pandas_parquet=
if [ -n "$pandas" ] && "$pandas" -c 'from pandas.io.parquet import get_engine; get_engine("auto")' 2>/dev/null; then
    pandas_parquet=yes
fi

mkdir -p "$dir/lib" "$dir/classes" "$dir/results"
res=$dir/results
rm -f "$res"/*

duck_jar=$dir/lib/duckdb_jdbc-$duckdb_version.jar
if [ ! -f "$duck_jar" ]; then
    say "fetching org.duckdb:duckdb_jdbc:$duckdb_version with Maven ..."
    # Run outside any project so Maven resolves only the artifact.
    (cd "$dir" && mvn -q dependency:copy "-Dartifact=org.duckdb:duckdb_jdbc:$duckdb_version" \
        "-DoutputDirectory=$dir/lib") >&2
fi

# Compiled once: `java DuckRun.java` would compile the source on every timed run and charge DuckDB ~0.5 s.
if [ ! -f "$dir/classes/DuckRun.class" ] || [ "$here/DuckRun.java" -nt "$dir/classes/DuckRun.class" ] \
    || [ "$here/Hello.java" -nt "$dir/classes/Hello.class" ] || [ "$duck_jar" -nt "$dir/classes/DuckRun.class" ]; then
    javac -d "$dir/classes" -cp "$duck_jar" "$here/DuckRun.java" "$here/Hello.java"
fi
# Commands are arrays, not functions: /usr/bin/time and hyperfine run programs.
duck=(java "${peer_java_opts[@]}" -cp "$duck_jar:$dir/classes" DuckRun)

# ---------------------------------------------------------------- data
reg_csv=$dir/reg_10m.csv reg_pq=$dir/reg_10m.parquet
ce_csv=$dir/ce_1m.csv ce_pq=$dir/ce_1m.parquet
houses=$dir/houses.csv
stamp="rows=$rows ce_rows=$ce_rows seed=$seed generator=$(cksum <"$here/GenerateData.java" | cut -d' ' -f1) duckdb=$duckdb_version"
if [ "$(cat "$dir/data.stamp" 2>/dev/null)" != "$stamp" ] \
    || ! [ -f "$reg_csv" ] || ! [ -f "$reg_pq" ] || ! [ -f "$ce_csv" ] || ! [ -f "$ce_pq" ] || ! [ -f "$houses" ]; then
    say "generating $rows regression rows and $ce_rows cross-entropy rows in $dir ..."
    rm -f "$dir/data.stamp"
    java "$here/GenerateData.java" "$dir" "$rows" "$ce_rows" "$seed"
    "${duck[@]}" to-parquet reg "$reg_csv" "$reg_pq"
    "${duck[@]}" to-parquet ce "$ce_csv" "$ce_pq"
    printf '%s\n' "$stamp" >"$dir/data.stamp"
else
    say "reusing the data in $dir ($stamp)"
fi
for f in "$reg_csv" "$reg_pq" "$ce_csv" "$ce_pq" "$houses"; do
    cat "$f" >/dev/null # into the page cache: every command below reads from memory
done

# ---------------------------------------------------------------- measuring
declare -A median rss note
failures=0

# median_of: the median of the numbers on stdin (the mean of the middle two for an even count).
median_of() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; m = int((NR + 1) / 2);
        printf "%.9f\n", (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

# measure ID CMD...: one untimed run (peak RSS into rss[ID], stdout into results/ID.out), then --runs
# timed runs (median seconds into median[ID]). A failing command is reported and gets no figures.
measure() {
    local id=$1 status=0 out
    shift
    say "  $id: $*"
    out=$res/$id.out
    [ "${id#cat_}" = "$id" ] || out=/dev/null # no copy of the data
    if [ -n "$rss_tool" ]; then
        "$rss_tool" -f %M -o "$res/$id.rss" "$@" >"$out" 2>"$res/$id.err" || status=$?
    else
        "$@" >"$out" 2>"$res/$id.err" || status=$?
    fi
    if [ "$status" -ne 0 ]; then
        say "  $id FAILED (exit $status): $(head -c 300 "$res/$id.err")"
        note[$id]="failed (exit $status)"
        failures=$((failures + 1))
        return
    fi
    [ -n "$rss_tool" ] && rss[$id]=$(tail -n 1 "$res/$id.rss")
    if [ "$timer" = hyperfine ]; then
        local cmd
        cmd=$(printf '%q ' "$@")
        # -N: no intermediate shell, so nothing needs subtracting; output goes to /dev/null.
        "$hyperfine" -N --runs "$runs" --style none --export-json "$res/$id.json" "$cmd" >/dev/null 2>"$res/$id.hf" \
            || { say "  $id: hyperfine failed: $(cat "$res/$id.hf")"; note[$id]=failed; failures=$((failures + 1)); return; }
        median[$id]=$(sed -n 's/^ *"median": *\([-0-9.eE+]*\),\{0,1\}$/\1/p' "$res/$id.json" | head -n 1)
    else
        local i t0 t1
        for ((i = 0; i < runs; i++)); do
            t0=$(date +%s%N)
            "$@" >/dev/null 2>&1
            t1=$(date +%s%N)
            echo "$(( t1 - t0 ))e-9"
        done | median_of >"$res/$id.median"
        median[$id]=$(cat "$res/$id.median")
    fi
}

# Values: losseval's --format csv gives one "total" line per loss (value in field 6); DuckRun and
# pandas_run.py print "name value" lines.
losseval_values() { awk -F, '$1 == "total" { print $6 }' "$res/$1.out"; }
peer_values() { awk '{ print $2 }' "$res/$1.out"; }

# check ID REF_ID: ID's values (losseval's or a peer's) against DuckDB's from REF_ID, to rel_tol relative.
check() {
    local id=$1 ref=$2 mine verdict
    [ -z "${note[$id]:-}" ] && [ -z "${note[$ref]:-}" ] || return 0
    case $id in
        le[0-9]*) mine=$(losseval_values "$id") ;;
        *) mine=$(peer_values "$id") ;;
    esac
    verdict=$(paste <(printf '%s\n' "$mine") <(peer_values "$ref") | awk -F '\t' -v tol="$rel_tol" '
        { n++; a = $1 + 0; b = $2 + 0; d = a - b; d = d < 0 ? -d : d
          s = (a < 0 ? -a : a) > (b < 0 ? -b : b) ? (a < 0 ? -a : a) : (b < 0 ? -b : b)
          if ($1 == "" || $2 == "" || d > tol * s) { bad = bad sprintf(" [%d] %s vs %s", n, $1, $2) } }
        END { if (n == 0) print " no values"; else print bad }')
    if [ -n "$verdict" ]; then
        note[$id]=MISMATCH
        failures=$((failures + 1))
        say ""
        say "  !!!!!!!! MISMATCH: $id disagrees with DuckDB ($ref) beyond $rel_tol relative:$verdict"
        say ""
    fi
}

# le_on TAG: sets le to losseval's eval on the JDK of TAG (the launcher honours JAVA_HOME), CSV output; an
# array, not a function, since /usr/bin/time and hyperfine run programs.
le_on() { le=(env "JAVA_HOME=${jhome[$1]}" "$losseval" eval --format csv); }
le_on "${jdks[0]}"
# The cross-entropy --logits form this losseval takes, found on a 3-row probe (empty: it takes none).
head -n 4 "$ce_csv" >"$dir/ce_probe.csv"
ce_args=
for form in "l0,l1,l2,l3,l4,l5,l6,l7,l8,l9" "l0..l9"; do
    if "${le[@]}" "$dir/ce_probe.csv" -l ce --logits "$form" -t label >/dev/null 2>"$res/ce_probe.err"; then
        ce_args=$form
        break
    fi
done
[ -n "$ce_args" ] || say "  losseval rejects '-l ce --logits ...': $(head -n 1 "$res/ce_probe.err") (cross-entropy rows: n/a)"

say "measuring ($runs timed runs each, $timer) ..."
# The peers once, on the java on PATH (DuckDB's work is native code, so the JDK changes only its start-up).
measure cat_reg_csv cat "$reg_csv"
measure duck1_reg_csv "${duck[@]}" --threads 1 reg "$reg_csv"
measure duck2_reg_csv "${duck[@]}" --threads 2 reg "$reg_csv"
[ -n "$pandas" ] && measure pd_reg_csv "$pandas" "$here/pandas_run.py" reg "$reg_csv"
measure cat_reg_pq cat "$reg_pq"
measure duck1_reg_pq "${duck[@]}" --threads 1 reg "$reg_pq"
measure duck2_reg_pq "${duck[@]}" --threads 2 reg "$reg_pq"
[ -n "$pandas_parquet" ] && measure pd_reg_pq "$pandas" "$here/pandas_run.py" reg "$reg_pq"
measure cat_ce_csv cat "$ce_csv"
measure duck1_ce_csv "${duck[@]}" --threads 1 ce "$ce_csv"
measure duck2_ce_csv "${duck[@]}" --threads 2 ce "$ce_csv"
[ -n "$pandas" ] && measure pd_ce_csv "$pandas" "$here/pandas_run.py" ce "$ce_csv"
measure cat_ce_pq cat "$ce_pq"
measure duck1_ce_pq "${duck[@]}" --threads 1 ce "$ce_pq"
measure duck2_ce_pq "${duck[@]}" --threads 2 ce "$ce_pq"
[ -n "$pandas_parquet" ] && measure pd_ce_pq "$pandas" "$here/pandas_run.py" ce "$ce_pq"
measure duck1_start "${duck[@]}" --threads 1 reg "$houses"
measure duck2_start "${duck[@]}" --threads 2 reg "$houses"
[ -n "$pandas" ] && measure pd_start "$pandas" "$here/pandas_run.py" reg "$houses"

# losseval on each JDK: every row of the table, and that JDK's hello world (the start-up row's floor).
for t in "${jdks[@]}"; do
    say " Java $t (${jhome[$t]}):"
    le_on "$t"
    measure "le${t}_reg_csv_nc" "${le[@]}" "$reg_csv" -p pred -t target -l "$reg_losses" --no-contrib
    measure "le${t}_reg_csv_c" "${le[@]}" "$reg_csv" -p pred -t target -l "$reg_losses"
    measure "le${t}_reg_pq_nc" "${le[@]}" "$reg_pq" -p pred -t target -l "$reg_losses" --no-contrib
    measure "le${t}_reg_pq_c" "${le[@]}" "$reg_pq" -p pred -t target -l "$reg_losses"
    [ -n "$ce_args" ] && measure "le${t}_ce_csv" "${le[@]}" "$ce_csv" -l ce --logits "$ce_args" -t label
    [ -n "$ce_args" ] && measure "le${t}_ce_pq" "${le[@]}" "$ce_pq" -l ce --logits "$ce_args" -t label
    # a three-row file, the losses as above, contributions on (the default a person types)
    measure "le${t}_start" "${le[@]}" "$houses" -p pred -t target -l "$reg_losses"
    measure "hello$t" "${jhome[$t]}/bin/java" "${peer_java_opts[@]}" -cp "$dir/classes" Hello
done

pairs=(pd_reg_csv:duck1_reg_csv pd_reg_pq:duck1_reg_pq duck2_reg_csv:duck1_reg_csv duck1_reg_pq:duck1_reg_csv
    duck2_reg_pq:duck1_reg_csv pd_ce_csv:duck1_ce_csv pd_ce_pq:duck1_ce_csv duck2_ce_csv:duck1_ce_csv
    duck1_ce_pq:duck1_ce_csv duck2_ce_pq:duck1_ce_csv pd_start:duck1_start duck2_start:duck1_start)
for t in "${jdks[@]}"; do
    pairs+=("le${t}_reg_csv_nc:duck1_reg_csv" "le${t}_reg_csv_c:duck1_reg_csv" "le${t}_reg_pq_nc:duck1_reg_pq"
        "le${t}_reg_pq_c:duck1_reg_pq" "le${t}_ce_csv:duck1_ce_csv" "le${t}_ce_pq:duck1_ce_csv"
        "le${t}_start:duck1_start")
done
for pair in "${pairs[@]}"; do
    id=${pair%%:*}
    [ -f "$res/$id.out" ] && check "$id" "${pair#*:}"
done

# ---------------------------------------------------------------- report
# seconds: "85 ms" below a second, "1.23 s" above.
seconds() {
    awk -v s="$1" 'BEGIN { if (s < 1) printf "%.0f ms", s * 1000; else printf "%.2f s", s }'
}
# cell ID: the median time of ID, or why there is none.
cell() {
    local id=$1
    if [ "${note[$id]:-}" = MISMATCH ]; then
        printf '%s **MISMATCH**' "$(seconds "${median[$id]}")"
    elif [ -n "${note[$id]:-}" ]; then
        printf '%s' "${note[$id]}"
    elif [ -n "${median[$id]:-}" ]; then
        seconds "${median[$id]}"
    else
        printf 'n/a'
    fi
}
# ratio A B: A / B as "0.42×", or n/a.
ratio() {
    if [ -n "${median[$1]:-}" ] && [ -n "${median[$2]:-}" ] && [ -z "${note[$1]:-}" ]; then
        awk -v a="${median[$1]}" -v b="${median[$2]}" 'BEGIN { printf "%.2f×", a / b }'
    else
        printf 'n/a'
    fi
}
# goal_ratio ID REF LIMIT: "≤ LIMIT× (met)" or "(MISSED)" for the ratio of ID to REF.
goal_ratio() {
    local verdict=n/a
    if [ -n "${median[$1]:-}" ] && [ -n "${median[$2]:-}" ] && [ -z "${note[$1]:-}" ]; then
        verdict=$(awk -v a="${median[$1]}" -v b="${median[$2]}" -v g="$3" 'BEGIN { print (a / b <= g) ? "met" : "MISSED" }')
    fi
    printf '≤ %s× (%s)' "$3" "$verdict"
}
mib() { [ -n "${rss[$1]:-}" ] && awk -v k="${rss[$1]}" 'BEGIN { printf "%.0f MiB", k / 1024 }' || printf 'n/a'; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "## losseval vs DuckDB$([ -n "$pandas" ] && echo ' and pandas')"
echo
echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory, load average $(cut -d' ' -f1-3 /proc/loadavg) (at the end)"
echo "- JDKs of losseval: $(for t in "${jdks[@]}"; do printf '%s (%s); ' "${jversion[$t]}" "${jhome[$t]}"; done | sed 's/; $//')"
echo "- peers' JDK: $(java -version 2>&1 | head -n 1)"
echo "- losseval: $("$losseval" --version 2>&1 | tr '\n' ' ' | sed 's/ *$//') ($losseval)"
echo "- DuckDB JDBC $duckdb_version; peers' JVM flags: ${peer_java_opts[*]}"
echo "- pandas: $([ -n "$pandas" ] && "$pandas" -c 'import pandas, numpy; print("pandas", pandas.__version__, "numpy", numpy.__version__)' || echo n/a)$([ -n "$pandas" ] && [ -z "$pandas_parquet" ] && echo ' (no Parquet engine: Parquet rows n/a)')"
echo "- data: $rows regression rows ($(du -h "$reg_csv" | cut -f1) CSV, $(du -h "$reg_pq" | cut -f1) Parquet), $ce_rows cross-entropy rows ($(du -h "$ce_csv" | cut -f1) CSV, $(du -h "$ce_pq" | cut -f1) Parquet), in $dir, page-cached"
echo "- timing: median of $runs runs of the whole process ($timer); peak RSS from one more run (${rss_tool:-n/a})"

row() { # row LABEL LE DUCK_SUFFIX PD CAT GOAL
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$(cell "$2")" "$(cell "duck1_$3")" \
        "$(cell "duck2_$3")" "$(cell "$4")" "$(cell "$5")" "$(ratio "$2" "duck2_$3")" "$6"
}
mrow() { printf '| %s | %s | %s | %s | %s |\n' "$1" "$(mib "$2")" "$(mib "duck1_$3")" "$(mib "duck2_$3")" "$(mib "$4")"; }
# table T: the table of losseval on Java T against the peers, then the peak RSS of every command.
table() {
    local t=$1 p start_goal=n/a mem_goal=n/a
    p=le$t
    echo
    echo "### losseval on Java $t (${jversion[$t]})"
    echo
    echo "| work | losseval | DuckDB 1T | DuckDB 2T | pandas | cat | ratio to DuckDB 2T | goal |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
    row "CSV, 5 losses, --no-contrib" "${p}_reg_csv_nc" reg_csv pd_reg_csv cat_reg_csv "$(goal_ratio "${p}_reg_csv_nc" duck2_reg_csv 0.5)"
    row "CSV, 5 losses, contributions" "${p}_reg_csv_c" reg_csv pd_reg_csv cat_reg_csv "$(goal_ratio "${p}_reg_csv_c" duck2_reg_csv 0.7)"
    row "Parquet, 5 losses, --no-contrib" "${p}_reg_pq_nc" reg_pq pd_reg_pq cat_reg_pq "$(goal_ratio "${p}_reg_pq_nc" duck2_reg_pq 0.8)"
    row "Parquet, 5 losses, contributions" "${p}_reg_pq_c" reg_pq pd_reg_pq cat_reg_pq "none set"
    row "CSV, 10-class cross-entropy" "${p}_ce_csv" ce_csv pd_ce_csv cat_ce_csv "$(goal_ratio "${p}_ce_csv" duck2_ce_csv 0.5)"
    row "Parquet, 10-class cross-entropy" "${p}_ce_pq" ce_pq pd_ce_pq cat_ce_pq "$(goal_ratio "${p}_ce_pq" duck2_ce_pq 1.0)"
    [ -n "${median[${p}_start]:-}" ] && [ -z "${note[${p}_start]:-}" ] && [ -n "${median[hello$t]:-}" ] \
        && start_goal=$(awk -v s="${median[${p}_start]}" -v h="${median[hello$t]}" 'BEGIN { print (s <= 2 * h) ? "met" : "MISSED" }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "three-row CSV (start-up)" "$(cell "${p}_start")" \
        "$(cell duck1_start)" "$(cell duck2_start)" "$(cell pd_start)" "JVM $t hello: $(cell "hello$t")" \
        "$(ratio "${p}_start" duck2_start)" "≤ 2× hello: $(ratio "${p}_start" "hello$t") ($start_goal)"
    [ -n "${rss[${p}_reg_csv_nc]:-}" ] \
        && mem_goal=$(awk -v k="${rss[${p}_reg_csv_nc]}" 'BEGIN { print (k <= 256 * 1024) ? "met" : "MISSED" }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "peak RSS, CSV --no-contrib" "$(mib "${p}_reg_csv_nc")" \
        "$(mib duck1_reg_csv)" "$(mib duck2_reg_csv)" "$(mib pd_reg_csv)" "n/a" \
        "$([ -n "${rss[${p}_reg_csv_nc]:-}" ] && [ -n "${rss[duck2_reg_csv]:-}" ] \
            && awk -v a="${rss[${p}_reg_csv_nc]}" -v b="${rss[duck2_reg_csv]}" 'BEGIN { printf "%.2f×", a / b }' || echo n/a)" \
        "≤ 256 MiB ($mem_goal)"
    echo
    echo "Peak RSS of every command (one run each):"
    echo
    echo "| work | losseval | DuckDB 1T | DuckDB 2T | pandas |"
    echo "|---|---:|---:|---:|---:|"
    mrow "CSV, 5 losses, --no-contrib" "${p}_reg_csv_nc" reg_csv pd_reg_csv
    mrow "CSV, 5 losses, contributions" "${p}_reg_csv_c" reg_csv pd_reg_csv
    mrow "Parquet, 5 losses, --no-contrib" "${p}_reg_pq_nc" reg_pq pd_reg_pq
    mrow "Parquet, 5 losses, contributions" "${p}_reg_pq_c" reg_pq pd_reg_pq
    mrow "CSV, 10-class cross-entropy" "${p}_ce_csv" ce_csv pd_ce_csv
    mrow "Parquet, 10-class cross-entropy" "${p}_ce_pq" ce_pq pd_ce_pq
    mrow "three-row CSV (start-up)" "${p}_start" start pd_start
}
for t in "${jdks[@]}"; do table "$t"; done
# Between the JDKs: each later JDK's medians over the first one's, row by row (below 1: faster there).
for t in "${jdks[@]:1}"; do
    f=${jdks[0]}
    echo
    printf 'Java %s ÷ Java %s (median wall time): CSV --no-contrib %s, CSV contributions %s, Parquet --no-contrib %s, Parquet contributions %s, CE CSV %s, CE Parquet %s, three-row CSV %s, hello world %s.\n' \
        "$t" "$f" "$(ratio "le${t}_reg_csv_nc" "le${f}_reg_csv_nc")" "$(ratio "le${t}_reg_csv_c" "le${f}_reg_csv_c")" \
        "$(ratio "le${t}_reg_pq_nc" "le${f}_reg_pq_nc")" "$(ratio "le${t}_reg_pq_c" "le${f}_reg_pq_c")" \
        "$(ratio "le${t}_ce_csv" "le${f}_ce_csv")" "$(ratio "le${t}_ce_pq" "le${f}_ce_pq")" \
        "$(ratio "le${t}_start" "le${f}_start")" "$(ratio "hello$t" "hello$f")"
done
echo
if [ -z "$ce_args" ]; then
    echo "Cross-entropy: losseval rejected \`-l ce --logits ...\` ($(head -n 1 "$res/ce_probe.err")), so its cells are n/a."
fi
echo "Every losseval and pandas result was compared with DuckDB 1T's to $rel_tol relative:" \
    "$([ "$failures" -eq 0 ] && echo 'all agree.' || echo "$failures MISMATCH or failure(s), see above and $res.")"
# Start-up on each JDK (17 and 25 where installed) through an installed launcher, against the hello world of
# the same JDK: startup.sh (the launcher above when it is an installed one, else this checkout installed for
# those JDKs).
echo
echo "Start-up by JDK (three-row CSV, -l mse; src/bench/startup.sh):"
echo
installed=
[ -f "$(dirname "$(readlink -f "$losseval")")/../share/losseval/losseval.jar" ] && installed=$losseval
startup_jdks=()
for t in "${jdks[@]}"; do startup_jdks+=(--jdk "${jhome[$t]}"); done
if ! LOSSEVAL=$installed "$here/startup.sh" "${startup_jdks[@]}" --runs "$(( runs > 10 ? runs : 10 ))" --dir "$dir/startup"; then
    say "compare.sh: startup.sh failed"
    failures=$((failures + 1))
fi
echo
echo "Benchmark took $(( $(date +%s) - started )) s; raw figures in $res."
[ "$failures" -eq 0 ]
