#!/usr/bin/env bash
# The two speed goals of issue 9 in one run: a comparison run against two plain runs (goal <= 1.3x), and a
# --group-by run over 100 groups against a plain run (goal <= 1.3x). Each command runs --runs times, in
# turn (plain, comparison, baseline plain, group; then again), so a change of load hits all alike; the
# table gives the median user CPU time and the median wall time of each, and the ratios of both.
#
# Usage:  src/bench/issue9.sh [--runs N] [--make ROWS] [FILE]
#   FILE          a CSV with columns id,region,pred,base,target (default /work/bench/big10m.csv, or the
#                 file --make writes)
#   --runs N      runs of each command (default 5)
#   --make ROWS   write FILE (default ${TMPDIR:-/tmp}/issue9-ROWS.csv) first, with awk: region r0..r99,
#                 target ~ U(0,100), pred and base = target + noise; reused when it exists
# Environment: LOSSEVAL, the launcher (default: this checkout's bin/losseval).
# The commands: plain    eval FILE -p pred -t target
#               base     eval FILE -p base -t target
#               compare  eval FILE -p pred --baseline-pred base -t target
#               group    eval FILE -p pred -t target --group-by region
# (default losses mse, rmse, mae: rmse is the one that needs the bootstrap). Needs bash, awk, /usr/bin/time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
losseval=${LOSSEVAL:-$here/../../bin/losseval}
runs=5
make=
file=
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --make) make=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) file=$1; shift ;;
    esac
done
if [ -n "$make" ]; then
    file=${file:-${TMPDIR:-/tmp}/issue9-$make.csv}
    if [ ! -s "$file" ]; then
        awk -v n="$make" 'BEGIN { srand(9); print "id,region,pred,base,target";
            for (i = 1; i <= n; i++) { t = 100 * rand(); printf "%d,r%d,%.6f,%.6f,%.6f\n", i, int(100 * rand()),
                t + 2 * (rand() - 0.5), t + 2.2 * (rand() - 0.5), t } }' > "$file.tmp"
        mv "$file.tmp" "$file"
    fi
fi
file=${file:-/work/bench/big10m.csv}
[ -r "$file" ] || { echo "issue9.sh: cannot read $file" >&2; exit 2; }
cat "$file" > /dev/null # into the page cache

declare -A args=(
    [plain]="-p pred -t target"
    [base]="-p base -t target"
    [compare]="-p pred --baseline-pred base -t target"
    [group]="-p pred -t target --group-by region"
)
names=(plain base compare group)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((r = 1; r <= runs; r++)); do
    for name in "${names[@]}"; do
        # shellcheck disable=SC2086
        /usr/bin/time -f "$name %U %e" -o "$out.t" "$losseval" eval "$file" ${args[$name]} > /dev/null
        cat "$out.t" >> "$out"
    done
    echo "issue9.sh: run $r of $runs done" >&2
done
rm -f "$out.t"

median() { # name column
    awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$out" | sort -g | awk '{ v[NR] = $1 }
        END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "file: $file ($(wc -l < "$file") lines), $runs runs each, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | median user s | median wall s |"
echo "|---|---|---|"
for name in "${names[@]}"; do echo "| $name: eval FILE ${args[$name]} | $(median "$name" 2) | $(median "$name" 3) |"; done
echo
awk -v pu="$(median plain 2)" -v bu="$(median base 2)" -v cu="$(median compare 2)" -v gu="$(median group 2)" \
    -v pw="$(median plain 3)" -v bw="$(median base 3)" -v cw="$(median compare 3)" -v gw="$(median group 3)" 'BEGIN {
    printf "comparison / (plain + base): user %.2fx, wall %.2fx (goal <= 1.3x)\n", cu / (pu + bu), cw / (pw + bw)
    printf "group / plain:               user %.2fx, wall %.2fx (goal <= 1.3x)\n", gu / pu, gw / pw }'
