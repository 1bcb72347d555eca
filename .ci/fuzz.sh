#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and runs each one.
#   .ci/fuzz.sh SECONDS   a timed run per target (default 60)
#   .ci/fuzz.sh --ci      a short, deterministic run (fixed seed and count), as CI does
# Exit 0: no crash; 1: a crash (input saved in .build-fuzz/crashes/<target>/); 2: could not build.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--ci" ]; then limit=(-seed=1 -runs=20000); label="20000 runs, seed 1"
else limit=(-max_total_time="${1:-60}"); label="${1:-60} s"; fi
for target in prijslijst casus getal; do
  if ! swift build --sanitize fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz --product fuzz-$target >/dev/null 2>.build-fuzz.log; then
    echo "fuzz: building fuzz-$target failed; see .build-fuzz.log" >&2
    exit 2
  fi
done
# Let libFuzzer, not Swift's backtracer, handle a crash, so the input is saved.
export SWIFT_BACKTRACE=enable=no
status=0
for target in prijslijst casus getal; do
  corpus=.build-fuzz/corpus/$target
  crashes=.build-fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  cp -n Tests/FuzzCorpus/$target/* "$corpus"/ 2>/dev/null || true
  echo "fuzz-$target: $label"
  .build-fuzz/debug/fuzz-$target "$corpus" "${limit[@]}" -max_len=4096 -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 \
    | grep -E "^(stat::number_of_executed_units|stat::new_units_added|==[0-9]+==ERROR|SUMMARY|Done)" || true
  if [ -n "$(ls -A "$crashes")" ]; then echo "fuzz-$target: crash found, see $crashes"; status=1; fi
done
exit $status
