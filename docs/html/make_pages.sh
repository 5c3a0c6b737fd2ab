#!/usr/bin/env bash
# Writes docs/html/NAME.html and a screenshot NAME.png for every line of commands.txt, with the launcher of
# this checkout (build the jar first: mvn -q -DskipTests package) and Debian's headless Chromium
# (apt-get install chromium). Usage: docs/html/make_pages.sh [LAUNCHER]
set -euo pipefail
cd "$(dirname "$0")/../.."
launcher=${1:-bin/losseval}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
grep -v '^#' docs/html/commands.txt | while read -r name height args; do
    [ -n "$name" ] || continue
    # shellcheck disable=SC2086  # the arguments are word-split on purpose; none holds a space
    "$launcher" eval $args -o "docs/html/$name.html" 2>/dev/null || [ $? -eq 1 ] # 1: a gate failed, on purpose
    # The flags keep Chromium off the network (it would hang on connections where the network is closed).
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
        --window-size="1280,$height" --screenshot="docs/html/$name.png" "file://$PWD/docs/html/$name.html" 2>/dev/null
done
