#!/usr/bin/env bash
# The example round of 2018 end to end, in a fresh database, followed by the
# Kharkiv-style report over 2000–2018 (the published history plus this round)
# and the round's year by priority area and by service.
#   bash examples/kharkiv-esm/run.sh [PATH-TO-competition]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-competition}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COMPETITION_DB="$work/competition.db"
run() { echo "\$ competition $*" >&2; "$bin" "$@"; }

run init "$here/rules.toml" >&2
run import applications "$here/applications.csv" >&2
run import reviewers "$here/reviewers.csv" >&2
run import reviews "$here/reviews.csv" >&2
run score -q >/dev/null
run allocate | tail -n 4 >&2
run import outcomes "$here/outcomes.csv" >&2
run import history "$here/history.csv" >&2
run audit -q >&2 || { echo "audit found differences" >&2; exit 1; }
run report
run report --by category
run report --by service
