#!/usr/bin/env bash
# The app as a user meets it, in tmux at 80x24 (part of the benchmark, not of the tests):
# time to the first painted start screen, and from a key to the changed screen, for the
# keys of the browser and the dashboard.
#
#   Tests/Benchmark/app-latency.sh /tmp/rendementsmeter-bench/c100000
#
# Needs a release build (run.sh makes one) and a business case made by bench-genereer.
set -euo pipefail
cd "$(dirname "$0")/../.."
cases=${1:?usage: app-latency.sh CASES-FOLDER}
app=$PWD/.build/release/rendementsmeter
list=$PWD/price-lists/standaard
session=rm-bench-$$
now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.3f}')"; }
screen() { tmux capture-pane -e -p -t "$session"; }
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT

# The index is made (or brought up to date) once by a report, as a long-used business case has it.
"$app" report --cases "$cases" --price-list "$list" >/dev/null

paints=()
at_once=()
rows_in=()
for _ in 1 2 3; do
  start=$(now)
  tmux new-session -d -s "$session" -x 80 -y 24 "$app --cases '$cases' --price-list '$list'"
  until screen | grep -q "Nieuwe casus"; do sleep 0.005; done
  paints+=("$(seconds "$start" "$(now)")")
  # The browser opened straight after the first paint, before the figures read ahead are in.
  start=$(now)
  tmux send-keys -t "$session" Right Enter
  until screen | grep -q "sortering:"; do sleep 0.005; done
  at_once+=("$(seconds "$start" "$(now)")")
  # The frame comes at once ("leest…"); the rows when the figures read ahead are in.
  until screen | grep -q " van [0-9]"; do sleep 0.005; done
  rows_in+=("$(seconds "$start" "$(now)")")
  tmux kill-session -t "$session"
done
echo "| what | seconds |"
echo "|---|---:|"
echo "| first paint (median of 3) | $(printf '%s\n' "${paints[@]}" | sort -n | sed -n 2p) |"
echo "| open the browser at once after the first paint: its frame, keys free (median of 3) | $(printf '%s\n' "${at_once[@]}" | sort -n | sed -n 2p) |"
echo "| the same: its rows in (median of 3) | $(printf '%s\n' "${rows_in[@]}" | sort -n | sed -n 2p) |"

tmux new-session -d -s "$session" -x 80 -y 24 "$app --cases '$cases' --price-list '$list'"
until screen | grep -q "Nieuwe casus"; do sleep 0.005; done
sleep 3  # a user reads the start screen; the figures are read ahead meanwhile
# key LABEL KEY: the time from sending KEY until the screen differs (and a row for the table).
key() {
  local before; before=$(screen)
  key_sent=$(now)
  tmux send-keys -t "$session" "$2"
  until [ "$(screen)" != "$before" ]; do sleep 0.002; done
  echo "| $1 | $(seconds "$key_sent" "$(now)") |"
}
key "start: menu right" Right
key "open the browser 3 s after the start (figures and sort keys read ahead; the watch says no file changed)" Enter
sleep 1
key "browser: next row" Down
key "browser: page down" PageDown
key "browser: filter status" 2
key "browser: filter team" 4
key "browser: sort" s
key "browser: filters off" 0
# search_key LABEL KEY: as `key`, and then the time until the search's answer is drawn
# (the search runs away from the keys; "zoekt…" shows in the title until its answer is in).
search_key() {
  key "$1: key" "$2"
  while screen | grep -q "zoekt…"; do sleep 0.002; done
  echo "| $1: answer | $(seconds "$key_sent" "$(now)") |"
}
key "browser: start search" /
key "browser: search, 1st letter" w
key "browser: search, 2nd letter" o
search_key "browser: search, 3rd letter (searches)" n
search_key "browser: search, 4th letter" i
key "browser: end search" Enter
# A word in nearly every case: the trigram index cannot narrow it down, every text is read.
for k in / Escape / z o; do tmux send-keys -t "$session" "$k"; sleep 0.3; done
search_key "browser: search a word in nearly every case, 3rd letter" r
search_key "browser: search a word in nearly every case, 4th letter" g
tmux send-keys -t "$session" Escape  # ends the search and clears it
sleep 0.5
key "back to start" Escape
key "start: menu right" Right
key "open the dashboard (the watch says no file changed)" Enter
sleep 1
key "dashboard: next panel" Tab
key "dashboard: next row" Down
key "dashboard: filter team" 2
key "dashboard: filter year" 5
key "dashboard: explain a row (reads its cases)" u
key "dashboard: close the explanation" Escape
key "dashboard: next panel" Tab

# Schattingen (issue 14): from Enter until the worker's view is worked out from the index
# (the user has no cases of the generated set, so it says so), then the spread per item.
tmux send-keys -t "$session" Escape Right
sleep 0.3
start=$(now)
tmux send-keys -t "$session" Enter
until screen | grep -q "Nog geen goedgekeurde\|Herzien"; do sleep 0.002; done
echo "| open Schattingen (every approved line added up) | $(seconds "$start" "$(now)") |"
key "Schattingen: spread per item" Tab
key "Schattingen: next row" Down

# Suggestions while entering (issue 14): a new Sociaal Recept case for a single person of
# 65-74 with money troubles, on to avoided care; from `a` until the first suggestion shows.
# Only real cases teach: generate with BENCH_REAL=1 for this row (fictional sets show none).
tmux kill-session -t "$session"
sleep 0.5
rm -f "$cases/.drafts/"*.json
tmux new-session -d -s "$session" -x 80 -y 24 "$app --cases '$cases' --price-list '$list'"
until screen 2>/dev/null | grep -q "Nieuwe casus"; do sleep 0.005; done
tmux send-keys -t "$session" Enter
until screen | grep -q "Stap 1/7"; do sleep 0.005; done
tmux send-keys -t "$session" Right Tab Enter Enter Enter Enter Right Enter Left Left Enter Right Enter Space PageDown PageDown PageDown PageDown
until screen | grep -q "Stap 5/7"; do sleep 0.005; done
waits=()
for _ in 1 2 3 4 5; do
  start=$(now)
  tmux send-keys -t "$session" a
  found=no
  for _ in $(seq 1 1000); do
    if screen | grep -q "★"; then found=yes; break; fi
    sleep 0.002
  done
  waits+=("$( [ "$found" = yes ] && seconds "$start" "$(now)" || echo "none shown")")
  tmux send-keys -t "$session" Escape
  sleep 0.3
done
echo "| intake: suggestions shown after \`a\` (median of 5) | $(printf '%s\n' "${waits[@]}" | sort | sed -n 3p) |"
tmux send-keys -t "$session" Escape Escape
rm -f "$cases/.drafts/"*.json

