#!/usr/bin/env bash
# The load benchmark of issue 13 (not part of the test run): 50 clients at once on a throwaway
# PostgreSQL server, 40 social workers submitting a fixed number of cases and 10 reviewers
# adjusting and approving them, through the app's own store code (bench-last). Run twice:
# once undisturbed, once with the server stopped hard (`pg_ctl stop -m immediate`) in the
# middle of the writes and started again. After each run the server's rows are checked:
# every case there exactly once, every case approved once, no history step lost, nothing
# half-written, and the counts equal what the clients were told.
#
#   Tests/Benchmark/load.sh                      # 40 workers × 10 cases, 10 reviewers
#   BENCH_WORKERS=20 BENCH_PER_WORKER=5 BENCH_REVIEWERS=5 Tests/Benchmark/load.sh
#
# Needs Debian's postgresql (as .ci/run installs). Prints a Markdown table; exits 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
workers=${BENCH_WORKERS:-40}
reviewers=${BENCH_REVIEWERS:-10}
per=${BENCH_PER_WORKER:-10}
cases=$((workers * per))

for product in rendementsmeter bench-genereer bench-last; do swift build -c release --product "$product" >/dev/null; done
app=$PWD/.build/release/rendementsmeter
load=$PWD/.build/release/bench-last
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

scratch=$(mktemp -d /tmp/rm-load-bench.XXXXXX)
BENCH_REAL=1 "$PWD/.build/release/bench-genereer" "$scratch/cases" "$cases" 7 price-lists/standaard >/dev/null
work=""
stop_server() { [ -z "$work" ] || { as_postgres "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$work"; work=""; }; }
trap 'stop_server; rm -rf "$scratch"' EXIT

# fresh_server: a new cluster (fsync on, as a real server runs), the schema, one organisation and its logins.
fresh_server() {
  stop_server
  work=$(mktemp -d /tmp/rm-load-server.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$work"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_postgres "$bin/initdb" -D "$work/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$work/data" -l "$work/log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=150" start >/dev/null
  sql postgres "ALTER ROLE postgres PASSWORD 'geheim'" >/dev/null
  sql postgres "CREATE DATABASE rm" >/dev/null
  admin="postgres://postgres:geheim@127.0.0.1:$port/rm"
  "$app" database init --database "$admin" >/dev/null
  "$app" database add-organisation --database "$admin" --code org-1 --name "Organisatie 1" >/dev/null
  "$app" database add-user --database "$admin" --login beheer1 --password pw-beheer1 --organisation org-1 --role beheerder >/dev/null
  for i in $(seq "$workers"); do
    "$app" database add-user --database "$admin" --login "w$i" --password "pw-w$i" --organisation org-1 --role sociaal-werker >/dev/null
  done
  for i in $(seq "$reviewers"); do
    "$app" database add-user --database "$admin" --login "r$i" --password "pw-r$i" --organisation org-1 --role beoordelaar >/dev/null
  done
  "$app" database import-price-list --database "postgres://beheer1:pw-beheer1@127.0.0.1:$port/rm" >/dev/null
}
sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres -d "$1" -c "$2"; }

# check NAME EXPECTED SQL: one line of the checks; a mismatch fails the benchmark.
failed=0
check() {
  local got
  got=$(sql rm "$3")
  if [ "$got" = "$2" ]; then checks+="$1 ✓; "; else checks+="**$1: $got, expected $2**; "; failed=1; fi
}

verify() {
  local told=$1
  checks=""
  check "cases" "$cases|$cases" "SELECT count(*), count(DISTINCT id) FROM rm_case"
  check "each worker's $per once" "$workers" "SELECT count(*) FROM (SELECT author FROM rm_case GROUP BY author HAVING count(*) = $per) x"
  check "one case per submission" "$cases|$cases" "SELECT count(*), count(DISTINCT case_id) FROM rm_submission"
  check "approved" "$cases" "SELECT count(*) FROM rm_case WHERE status = 'goedgekeurd'"
  check "one approval each" "$cases" "SELECT count(DISTINCT case_id) FROM rm_case_event WHERE action = 'status' AND new_value = 'goedgekeurd'"
  check "approvals = told" "$(grep '^approvals ' "$told" | cut -d' ' -f2)" \
    "SELECT count(*) FROM rm_case_event WHERE action = 'status' AND new_value = 'goedgekeurd'"
  check "changes = told" "$(grep '^changes ' "$told" | cut -d' ' -f2)" "SELECT count(*) FROM rm_case_event WHERE action = 'wijziging'"
  check "history whole" "0" "SELECT count(*) FROM rm_case c
      WHERE json_array_length(c.content::json->'history') <> (SELECT count(*) FROM rm_case_event e WHERE e.organisation_id = c.organisation_id AND e.case_id = c.id)
         OR (SELECT max(seq) FROM rm_case_event e WHERE e.organisation_id = c.organisation_id AND e.case_id = c.id) <> json_array_length(c.content::json->'history')"
  check "figures" "0" "SELECT count(*) FROM rm_case c WHERE NOT EXISTS (SELECT 1 FROM rm_case_figure f WHERE f.organisation_id = c.organisation_id AND f.case_id = c.id)"
  check "sector" "$cases" "SELECT count(DISTINCT case_id) FROM rm_sector_figure"
}

echo "Load benchmark: $workers workers × $per cases and $reviewers reviewers at once ($((workers + reviewers)) clients), $(nproc) cores, PostgreSQL $("$bin/postgres" --version | awk '{print $3}')"
echo
echo "| run | seconds | cases approved per second | call median / p95 | saves lost to a colleague | calls retried | answers lost, found committed | checks |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
row() {
  local name=$1 told=$2
  value() { grep "^$1 " "$told" | cut -d' ' -f2; }
  verify "$told"
  printf '| %s | %s | %s | %s / %s ms | %s | %s | %s | %s |\n' "$name" "$(value seconds)" \
    "$(python3 -c "print(f'{$cases / $(value seconds):.1f}')")" "$(value median_ms)" "$(value p95_ms)" \
    "$(value conflicts)" "$(value retries)" "$(value committed_unanswered)" "${checks%; }"
}

fresh_server
"$load" "postgres://bench@127.0.0.1:$port/rm" "$scratch/cases" "$workers" "$reviewers" "$per" >"$scratch/told" 2>"$scratch/err"
sed "s/^/  (clients were told) /" "$scratch/err" >&2
row "undisturbed" "$scratch/told"

fresh_server
"$load" "postgres://bench@127.0.0.1:$port/rm" "$scratch/cases" "$workers" "$reviewers" "$per" >"$scratch/told" 2>"$scratch/err" &
client=$!
# Stopped hard once half the cases are submitted: submissions and reviews are both under way.
until [ "$(sql rm "SELECT count(*) FROM rm_case" 2>/dev/null || echo 0)" -ge $((cases / 2)) ]; do sleep 0.1; done
at=$(sql rm "SELECT count(*) || ' cases, ' || count(*) FILTER (WHERE status = 'goedgekeurd') || ' approved' FROM rm_case")
as_postgres "$bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null
sleep 3
as_postgres "$bin/pg_ctl" -D "$work/data" -l "$work/log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=150" start >/dev/null
wait "$client"
sed "s/^/  (clients were told) /" "$scratch/err" >&2
row "stopped hard (\`-m immediate\`) at $at, restarted after 3 s" "$scratch/told"
exit "$failed"
