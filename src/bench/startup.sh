#!/usr/bin/env bash
# The start-up row of the performance issue, on every JDK given: a three-row CSV through the installed
# launcher (eval houses.csv -p pred -t target -l mse) against a JVM hello world on the same JDK, in the same
# run, and their ratio (goal: <= 2x). Wall times are medians of hyperfine runs; since a shared machine makes
# them noisy, each row also gives deterministic measures: the classes the run loads (-Xlog:class+load) and how
# many of them came from the start-up archive, and with --instructions the instructions executed by all
# threads (valgrind --tool=callgrind; about 20 s per command).
#
# Usage:  src/bench/startup.sh [--jdk JAVA_HOME]... [--runs N] [--instructions] [--dir DIR]
#   --jdk DIR        a JDK to measure on (repeatable; default: the java on PATH and any
#                    /usr/lib/jvm/*-25-* beside it)
#   --runs N         timed runs per command (default 20, after 3 warm-up runs)
#   --instructions   also count instructions with callgrind
#   --dir DIR        scratch dir (default ${TMPDIR:-/tmp}/losseval-startup)
# Environment:
#   LOSSEVAL   an installed launcher (PREFIX/bin/losseval) whose archives were made for these JDKs
#              (install.sh --jdk ...); default: this checkout is installed into DIR/prefix for them
# Prints a Markdown table on stdout, progress on stderr. Needs hyperfine; valgrind for --instructions.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
jdks=()
runs=20
instructions=false
dir=${TMPDIR:-/tmp}/losseval-startup
while [ $# -gt 0 ]; do
    case $1 in
        --jdk) [ -x "${2:-}/bin/java" ] || { echo "startup.sh: --jdk needs a JAVA_HOME, not '${2:-}'" >&2; exit 2; }
            jdks+=("$2"); shift 2 ;;
        --runs) case ${2:-} in '' | *[!0-9]* | 0) echo "startup.sh: --runs needs a positive integer" >&2; exit 2 ;; esac
            runs=$2; shift 2 ;;
        --instructions) instructions=true; shift ;;
        --dir) [ -n "${2:-}" ] || { echo "startup.sh: --dir needs a directory" >&2; exit 2; }; dir=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "startup.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
say() { printf '%s\n' "$*" >&2; }
command -v hyperfine >/dev/null || { say "startup.sh: needs hyperfine"; exit 2; }
if [ ${#jdks[@]} -eq 0 ]; then
    default=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    jdks=("$default")
    for other in /usr/lib/jvm/*-25-*; do
        [ -x "$other/bin/java" ] && [ "$(readlink -f "$other")" != "$default" ] && jdks+=("$other")
    done
fi
mkdir -p "$dir"
houses=$repo/examples/houses.csv

if [ -n "${LOSSEVAL:-}" ]; then
    losseval=$LOSSEVAL
else
    say "installing this checkout into $dir/prefix for ${jdks[*]} ..."
    extra=()
    for jdk in "${jdks[@]}"; do extra+=(--jdk "$jdk"); done
    "$repo/install.sh" --prefix "$dir/prefix" "${extra[@]}" >/dev/null
    losseval=$dir/prefix/bin/losseval
fi
javac -d "$dir" "$here/Hello.java"

# median JSON: the median of a hyperfine --export-json result, in ms.
median() { awk -F'[:,]' '/"median"/ { printf "%.0f", $2 * 1000; exit }' "$1"; }
# instr CMD...: millions of instructions of all threads of CMD and the programs it execs (callgrind).
instr() {
    local out=$dir/callgrind.$$ total=0 n f
    rm -f "$out"*
    # Children traced: the launcher is a shell script that execs java (its own few instructions count too).
    valgrind --tool=callgrind --trace-children=yes --separate-threads=yes --callgrind-out-file="$out.%p" "$@" \
        >/dev/null 2>&1
    for f in "$out".*; do n=$(sed -n 's/^summary: //p' "$f"); total=$((total + n)); done
    rm -f "$out"*
    echo $((total / 1000000))
}

echo "| JDK | hello world | losseval, houses.csv | ratio (goal ≤ 2×) | classes loaded (from the archive) | instructions, hello / losseval |"
echo "|---|---:|---:|---:|---:|---:|"
for jdk in "${jdks[@]}"; do
    java=$jdk/bin/java
    name="$("$java" -version 2>&1 | sed -n '1s/.* version "\([^"]*\)".*/\1/p') ($(basename "$jdk"))"
    say "measuring on $name ($jdk) ..."
    hello=("$java" -XX:+UseSerialGC -XX:-UsePerfData -cp "$dir" Hello)
    run=(env JAVA_HOME="$jdk" "$losseval" eval "$houses" -p pred -t target -l mse)
    # The launcher must be quiet and successful here, or the row measures an error.
    err=$("${run[@]}" 2>&1 >/dev/null) || { say "startup.sh: the run failed on $jdk: $err"; exit 1; }
    [ -z "$err" ] || { say "startup.sh: the run wrote on stderr on $jdk: $err"; exit 1; }
    hyperfine -N -w 3 -r "$runs" --export-json "$dir/hello.json" "${hello[*]}" >/dev/null 2>&1
    hyperfine -N -w 3 -r "$runs" --export-json "$dir/run.json" "${run[*]}" >/dev/null 2>&1
    h=$(median "$dir/hello.json") l=$(median "$dir/run.json")
    log=$dir/classes.log
    rm -f "$log"
    LOSSEVAL_JAVA_OPTS="-Xlog:class+load=info:file=$log" "${run[@]}" >/dev/null
    loaded=$(grep -c 'class,load' "$log")
    shared=$(grep -c 'source: shared objects file' "$log" || true)
    counts="n/a"
    if [ "$instructions" = true ]; then
        counts="$(instr "${hello[@]}")M / $(instr env JAVA_HOME="$jdk" LOSSEVAL_JAVA_OPTS= "$losseval" eval "$houses" -p pred -t target -l mse)M"
    fi
    printf '| %s | %s ms | %s ms | %s× | %s (%s) | %s |\n' "$name" "$h" "$l" \
        "$(awk -v a="$l" -v b="$h" 'BEGIN { printf "%.2f", a / b }')" "$loaded" "$shared" "$counts"
done
echo
echo "hyperfine -N -w 3 -r $runs (medians); launcher $losseval; load average $(cut -d' ' -f1-3 /proc/loadavg)."
