#!/usr/bin/env bash
# The server benchmark of issue 13 (not part of the test run): an organisation's real,
# sealed cases pushed through the app, copied in SQL to make the sector's scale (by
# default 300 organisations × 3,334 cases ≈ 1,000,000), then `report` for one organisation
# and `report --sector` timed on a throwaway PostgreSQL server.
#
#   Tests/Benchmark/server.sh                              # 300 × 3,334, 3 runs each
#   BENCH_ORGS=30 BENCH_PER_ORG=1000 Tests/Benchmark/server.sh
#
# Needs Debian's postgresql (as .ci/run installs). Prints a Markdown table with medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
orgs=${BENCH_ORGS:-300}
per=${BENCH_PER_ORG:-3334}
runs=${BENCH_RUNS:-3}

swift build -c release --product rendementsmeter >/dev/null
swift build -c release --product bench-genereer >/dev/null
app=$PWD/.build/release/rendementsmeter
generate=$PWD/.build/release/bench-genereer
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

work=$(mktemp -d /tmp/rm-server-bench.XXXXXX)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres "$bin/initdb" -D "$work/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$bin/pg_ctl" -D "$work/data" -l "$work/log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c fsync=off -c max_wal_size=8GB" start >/dev/null
trap 'as_postgres "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT

sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres -d "$1" -c "$2"; }
sql postgres "ALTER ROLE postgres PASSWORD 'geheim'" >/dev/null
sql postgres "CREATE DATABASE rm" >/dev/null
url() { echo "postgres://$1:pw-$1@127.0.0.1:$port/rm"; }
admin="postgres://postgres:geheim@127.0.0.1:$port/rm"

"$app" database init --database "$admin" >/dev/null
"$app" database add-organisation --database "$admin" --code org-1 --name "Organisatie 1" >/dev/null
"$app" database add-organisation --database "$admin" --code sector --name "Brancheorganisatie" >/dev/null
for user in "beheer1 org-1 beheerder" "m1 org-1 manager" "ana sector sector-analist"; do
  set -- $user
  "$app" database add-user --database "$admin" --login "$1" --password "pw-$1" --organisation "$2" --role "$3" >/dev/null
done

# One organisation's cases, as the app writes them (about half approved, hash-chained), pushed by the app.
BENCH_REAL=1 "$generate" "$work/cases" "$per" 42 price-lists/standaard >/dev/null
"$app" database import-price-list --database "$(url beheer1)" >/dev/null
start=$(date +%s.%N)
"$app" push --cases "$work/cases" --database "$(url beheer1)" >/dev/null
push_seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")

# The other organisations: copies of the first one's rows, in SQL with the triggers off
# (they were checked when the first organisation's cases went in). Their case files are
# short stand-ins: copying 300 × 38 MB of JSON took longer than this machine's budget, and
# neither timed command reads them (one organisation's report reads its own rows through
# the primary key; the sector view reads figures and events).
sql rm "INSERT INTO rm_organisation (code, name) SELECT 'org-' || g, 'Organisatie ' || g FROM generate_series(2, $orgs) g" >/dev/null
sql rm "SET session_replication_role = replica;
  INSERT INTO rm_case (organisation_id, id, status, author, revision, content, file_hash)
    SELECT o.id, c.id, c.status, c.author, c.revision,
           json_build_object('id', c.id, 'status', c.status, 'author', c.author, 'standIn', true)::text, c.file_hash
    FROM rm_case c CROSS JOIN rm_organisation o WHERE c.organisation_id = 1 AND o.code LIKE 'org-%' AND o.id <> 1;
  INSERT INTO rm_case_event (organisation_id, case_id, seq, happened_at, by_login, action, field, old_value, new_value, reason, content_hash)
    SELECT o.id, e.case_id, e.seq, e.happened_at, e.by_login, e.action, e.field, e.old_value, e.new_value, e.reason, e.content_hash
    FROM rm_case_event e CROSS JOIN rm_organisation o WHERE e.organisation_id = 1 AND o.code LIKE 'org-%' AND o.id <> 1;
  INSERT INTO rm_case_figure (organisation_id, case_id, law, intervention, year, avoided_cents, deployed_cents, effort_cents)
    SELECT o.id, f.case_id, f.law, f.intervention, f.year, f.avoided_cents, f.deployed_cents, f.effort_cents
    FROM rm_case_figure f CROSS JOIN rm_organisation o WHERE f.organisation_id = 1 AND o.code LIKE 'org-%' AND o.id <> 1" >/dev/null
# The sector's figures of the copies, as migration 8 derives them from rows already there.
start=$(date +%s.%N)
sql rm "SELECT rm_sector_rebuild()" >/dev/null
rebuild_seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
sql rm "VACUUM ANALYZE" >/dev/null
total=$(sql rm "SELECT count(*) FROM rm_case")
size=$(sql rm "SELECT pg_size_pretty(pg_database_size('rm'))")

# median LOGIN ARGS...: median wall time and peak memory of `rendementsmeter ARGS --database` as LOGIN.
median() {
  local login=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$app" "$@" --database "$(url "$login")" >"$work/out" 2>"$work/err"
    times+=("$(tail -n 1 "$work/time")")
  done
  printf '%s\n' "${times[@]}" | python3 Tests/Benchmark/median.py | awk '{ printf "%s s | %s MB\n", $1, $2 }'
}

echo "Server benchmark: $total cases in $orgs organisations ($per each; full case files in the first, stand-ins in the others), database $size, $(nproc) cores"
echo
echo "| what | median of $runs | peak memory |"
echo "|---|---:|---:|"
echo "| push one organisation's $per cases (once) | $push_seconds s | |"
echo "| derive the sector's figures of all copied cases (\`rm_sector_rebuild\`, once) | $rebuild_seconds s | |"
echo "| report, one organisation (manager) | $(median m1 report) |"
echo "| report --sector (sector analyst) | $(median ana report --sector) |"
echo
echo "Target (issue 13): each report at most 1 s."
