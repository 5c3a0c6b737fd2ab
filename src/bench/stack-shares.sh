#!/bin/sh
# Inclusive shares of the methods in collapsed stacks (StartupProfile.java's output): for each method, the
# share of samples with it anywhere on the stack, largest first.
# Usage: src/bench/stack-shares.sh STACKS [PATTERN] [N]   (PATTERN: an awk regex the methods must match)
set -eu
awk -F';' -v pat="${2:-.}" '
    { n++; delete seen; for (i = 1; i <= NF; i++) if ($i ~ pat && !($i in seen)) { seen[$i] = 1; count[$i]++ } }
    END { for (m in count) printf "%5.1f%%  %s\n", 100 * count[m] / n, m; printf "%d samples\n", n > "/dev/stderr" }
' "$1" | sort -rn | head -n "${3:-40}"
