#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and runs each for SECONDS (default 60).
# Usage: .ci/fuzz.sh [SECONDS]   — crashes are written to .build-fuzz/crashes/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
swift build --sanitize fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz -c debug \
  --product fuzz-prijslijst >/dev/null
swift build --sanitize fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz -c debug --product fuzz-casus >/dev/null
swift build --sanitize fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz -c debug --product fuzz-getal >/dev/null
# Let libFuzzer, not Swift's backtracer, handle a crash, so the input is saved.
export SWIFT_BACKTRACE=enable=no
status=0
for target in prijslijst casus getal; do
  corpus=.build-fuzz/corpus/$target
  crashes=.build-fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  cp -n Tests/FuzzCorpus/$target/* "$corpus"/ 2>/dev/null || true
  echo "fuzz-$target: $seconds s"
  if ! .build-fuzz/debug/fuzz-$target "$corpus" -max_total_time="$seconds" -max_len=4096 \
       -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::new_units_added|==[0-9]+==ERROR|SUMMARY|Done)"; then
    status=1
  fi
  if [ -n "$(ls -A "$crashes")" ]; then echo "fuzz-$target: crash found, see $crashes"; status=1; fi
done
exit $status
