#!/usr/bin/env bash
# Writes docs/examples/NAME.json for every line of commands.txt, with the launcher of this checkout
# (build the jar first: mvn -q -DskipTests package). Usage: docs/examples/make_reports.sh [LAUNCHER]
set -euo pipefail
cd "$(dirname "$0")/../.."
launcher=${1:-bin/losseval}
grep -v '^#' docs/examples/commands.txt | while read -r name args; do
    [ -n "$name" ] || continue
    # shellcheck disable=SC2086  # the arguments are word-split on purpose; none holds a space
    "$launcher" eval $args --format json >"docs/examples/$name.json" || [ $? -eq 1 ]
done
