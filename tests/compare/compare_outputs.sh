#!/usr/bin/env bash
# Byte-for-byte comparison of two builds' outputs, for changes that must not
# change behaviour (docs/ARCHITECTURE.md, CONTRIBUTING.md "Refactoring"):
#   bash tests/compare/compare_outputs.sh OLD_BINARY NEW_BINARY [N]
# Runs the example round (examples/kharkiv-esm, UTF-8 and Excel files), the
# decisions case of tests/e2e/decisions and a generated round of N applications
# (default 10 000, tests/bench/gen_round.py) through every command and output
# format with each binary, then compares every output file and the bundles
# byte for byte (workbooks by the files they hold, the databases by a dump). Prints the files that
# differ and exits 1 when any does. Not run by CTest (it needs two builds).
set -uo pipefail
old=$(realpath "$1"); new=$(realpath "$2"); n=${3:-10000}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export COMPETITION_NOW=2026-03-10T09:00:00Z TZ=UTC LC_ALL=C.UTF-8
python3 "$repo/tests/bench/gen_round.py" "$work/gen" "$n" --lots 3 >/dev/null

run_all() {  # BIN OUTDIR
  local bin=$1 out=$2 ex="$repo/examples/kharkiv-esm" dc="$repo/tests/e2e/decisions"
  mkdir -p "$out"
  local i=0
  c() { i=$((i+1)); local name; name=$(printf '%03d' $i); "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo "$? $*" >"$out/$name.cmd"; }
  for lang in uk en; do
    local db="$out/ex-$lang.db"
    c --db "$db" --lang $lang init "$ex/rules.toml"
    c --db "$db" --lang $lang import applications "$ex/applications.csv"
    c --db "$db" --lang $lang import applications "$ex/excel/applications.csv"
    c --db "$db" --lang $lang import reviewers "$ex/reviewers.csv"
    c --db "$db" --lang $lang import reviews "$ex/reviews.csv" --json
    c --db "$db" --lang $lang status
    for f in text md csv json; do c --db "$db" --lang $lang score --format $f; done
    c --db "$db" --lang $lang score --format csv --excel
    c --db "$db" --lang $lang allocate --dry-run
    for f in text md csv json; do c --db "$db" --lang $lang allocate --format $f --force; done
    c --db "$db" --lang $lang withdraw "$(sed -n 2p "$ex/applications.csv" | cut -d, -f1)" --reason "Відмова"
    c --db "$db" --lang $lang allocate --force
    c --db "$db" --lang $lang decisions; c --db "$db" --lang $lang decisions --json; c --db "$db" --lang $lang decisions --format csv
    c --db "$db" --lang $lang import outcomes "$ex/outcomes.csv"
    c --db "$db" --lang $lang import history "$ex/history.csv"
    for f in text md csv json html; do c --db "$db" --lang $lang report --format $f; done
    c --db "$db" --lang $lang report --format xlsx -o "$out/report-$lang.xlsx"
    c --db "$db" --lang $lang minutes --date 2026-03-10; c --db "$db" --lang $lang minutes --date 2026-03-10 --format html
    c --db "$db" --lang $lang audit; c --db "$db" --lang $lang audit --json
    c --db "$db" --lang $lang export bundle "$out/bundle-$lang"
    c --db "$db" --lang $lang audit bundle "$out/bundle-$lang"; c --db "$db" --lang $lang audit bundle "$out/bundle-$lang" --json
    c --db "$db" --lang $lang export pabulib "$out/ex-$lang.pb"
    c --db "$db" --lang $lang status --json
    # failures: a bad file, a state conflict
    c --db "$db" --lang $lang import applications "$ex/rules.toml"
    c --db "$db" --lang $lang import reviews "$ex/reviews.csv"
    c --db "$db" --lang $lang allocate
  done
  local db="$out/dec.db"
  c --db "$db" init "$dc/rules.toml"; c --db "$db" import applications "$dc/applications.csv"
  c --db "$db" import reviewers "$dc/reviewers.csv"; c --db "$db" import reviews "$dc/reviews.csv"
  c --db "$db" score; c --db "$db" allocate; c --db "$db" override D-03 --award 20000 --reason "Кошторис скорочено"
  c --db "$db" order D-05 D-06 --reason "x"; c --db "$db" allocate --force; c --db "$db" minutes --date 2026-03-10
  c --db "$db" --lang en minutes --date 2026-03-10 --format html; c --db "$db" audit --json; c --db "$db" decisions --lang en
  db="$out/gen.db"
  c --db "$db" init "$work/gen/rules.toml"; c --db "$db" import applications "$work/gen/applications.csv"
  c --db "$db" import reviewers "$work/gen/reviewers.csv"; c --db "$db" import reviews "$work/gen/reviews.csv"
  c --db "$db" score; c --db "$db" score --format csv; c --db "$db" score --json; c --db "$db" allocate
  c --db "$db" allocate --json --force; c --db "$db" allocate --format md --force; c --db "$db" audit --json
  c --db "$db" export bundle "$out/bundle-gen"; c --db "$db" audit bundle "$out/bundle-gen" --json
  c --db "$db" minutes --date 2026-03-10 --format html; c --db "$db" report --json
  # A workbook's zip entries carry the time it was written: compare what they hold.
  # (docProps/core.xml holds the time of writing too.)
  for x in "$out"/*.xlsx; do mkdir "$x.d" && (cd "$x.d" && unzip -q "$x") && rm "$x" "$x.d/docProps/core.xml"; done
  for d in "$out"/*.db; do sqlite3 "$d" .dump | grep -v "^INSERT INTO decision_log\|recorded_at" >"$d.dump" 2>/dev/null; rm -f "$d" "$d-wal" "$d-shm"; done
}
# Both builds run in the same folder, so that paths in outputs are the same.
run_all "$old" "$work/run" && mv "$work/run" "$work/old"
run_all "$new" "$work/run" && mv "$work/run" "$work/new"
if diff -r "$work/old" "$work/new" >"$work/diff.txt"; then
  echo "identical: $(find "$work/old" -type f | wc -l) files (example round uk/en, decisions case, generated round of $n)"
  exit 0
fi
grep -E '^(diff|Only)' "$work/diff.txt" | head -40
echo "DIFFERENT (first lines):"; head -60 "$work/diff.txt"
exit 1
