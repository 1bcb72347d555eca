#!/usr/bin/env bash
# The benchmark of issue 11 (not part of the test run): generates realistic business
# cases in the app's own format (fixed seed) and times the commands beside a plain
# Python stdlib script that reads the same files and computes the same totals.
#
#   Tests/Benchmark/run.sh                 # 1,000 / 10,000 / 100,000 cases, 3 runs each
#   Tests/Benchmark/run.sh 1000 10000      # other sizes
#   BENCH_RUNS=5 BENCH_DIR=/tmp/b Tests/Benchmark/run.sh
#
# Prints a Markdown table: medians of wall time, the ratio to the script, peak memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(1000 10000 100000)
runs=${BENCH_RUNS:-3}
work=${BENCH_DIR:-/tmp/rendementsmeter-bench}
mkdir -p "$work"

swift build -c release --product rendementsmeter >/dev/null
swift build -c release --product bench-genereer >/dev/null
app=$PWD/.build/release/rendementsmeter
generate=$PWD/.build/release/bench-genereer
baseline=$PWD/Tests/Benchmark/baseline.py
list=$PWD/price-lists/standaard

# median_run LABEL PREPARE COMMAND...: runs COMMAND $runs times (PREPARE before each), prints "seconds megabytes".
median_run() {
  local prepare=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    eval "$prepare"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
    times+=("$(tail -n 1 "$work/time")")
  done
  printf '%s\n' "${times[@]}" | python3 "$PWD/Tests/Benchmark/median.py"
}

echo "| cases | what | app (s) | Python (s) | app ÷ Python | app peak (MB) |"
echo "|---:|---|---:|---:|---:|---:|"
for size in "${sizes[@]}"; do
  cases="$work/c$size"
  [ -d "$cases" ] || "$generate" "$cases" "$size" 1 "$list" >/dev/null
  read -r py pymb < <(median_run ":" python3 "$baseline" "$cases")
  # The figures must agree before any time means anything.
  "$app" report --cases "$cases" --price-list "$list" > "$work/report.txt"
  python3 "$baseline" "$cases" > "$work/baseline.txt"
  python3 - "$work/report.txt" "$work/baseline.txt" <<'PY'
import re, sys
report = open(sys.argv[1], encoding="utf-8").read()
total = next(line for line in report.splitlines() if line.startswith("Totaal"))
euros = [int(re.sub(r"[^0-9-]", "", cell)) for cell in re.findall(r"-?€ [0-9.]+,[0-9]{2}", total)]
effort, deployed, avoided = euros[0], euros[1], euros[2]
base = open(sys.argv[2]).read().split("Totaal")[1].split()
if [avoided, deployed, effort] != [int(x) for x in base]:
    sys.exit(f"figures differ: report {avoided} {deployed} {effort}, baseline {base}")
PY
  row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$size" "$1" "$2" "$3" "$(python3 -c "print(f'{$2 / $py:.2f}×')")" "$4"; }
  read -r s mb < <(median_run "rm -rf '$cases/.index'" "$app" report --cases "$cases" --price-list "$list"); row "report, index deleted (cold)" "$s" "$py" "$mb"
  "$app" report --cases "$cases" --price-list "$list" >/dev/null
  read -r s mb < <(median_run ":" "$app" report --cases "$cases" --price-list "$list"); row "report, warm index" "$s" "$py" "$mb"
  read -r s mb < <(median_run ":" "$app" validate --cases "$cases" --price-list "$list"); row "validate" "$s" "$py" "$mb"
  read -r s mb < <(median_run ":" "$app" export --cases "$cases" --price-list "$list" --format csv --out "$work/export.csv"); row "export --format csv" "$s" "$py" "$mb"
  read -r s mb < <(median_run ":" "$app" export --cases "$cases" --price-list "$list" --format html --out "$work/export.html"); row "export --format html" "$s" "$py" "$mb"
  read -r s mb < <(median_run ":" "$app" reprice --cases "$cases" --price-list "$list" --to "$list" --dry-run); row "reprice --dry-run" "$s" "$py" "$mb"
  # A case from elsewhere: C-0001 under another history head (the same case again is not imported twice).
  one="$work/one.json"; sed -E 's/"historyHead" : "[0-9a-f]+"/"historyHead" : "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"/' "$cases/C-0001.json" > "$one"
  # Warm the id hint once, as any business case that has had a case added has it; then time single imports.
  # The imported copies are the cases numbered above the generated ones (by number: in name
  # order C-100001 comes before C-9999, and the generated C-9999 was removed instead).
  extra="find '$cases' -maxdepth 1 -name 'C-*.json' -printf '%f\\n' | sort -t- -k2,2n | tail -n +$((size + 1)) | sed 's|^|$cases/|' | xargs -r rm -f"
  "$app" import --cases "$cases" "$one" >/dev/null; eval "$extra"
  read -r s mb < <(median_run "$extra" "$app" import --cases "$cases" "$one"); row "import one case" "$s" "$py" "$mb"
  eval "$extra"
done
