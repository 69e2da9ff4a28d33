#!/bin/bash
# Runs the libFuzzer harnesses built in BUILD/tests/fuzz, SECONDS each (docs/fuzzing.md).
# Usage: tests/fuzz/run.sh BUILD [SECONDS] [NAME...]   (default: 300 s, every harness built)
# Each harness grows its corpus in BUILD/fuzz/corpus/NAME (the committed seeds in
# tests/fuzz/corpus/NAME are read, never written); a crash, leak or timeout is written to
# BUILD/fuzz/artifacts/NAME/ and makes this script fail: copy that file to
# tests/fixtures/fuzz/NAME/ so that `make test` replays it from then on, then fix the bug.
# Extra libFuzzer flags: FUZZ_FLAGS="-jobs=1 -workers=1" etc. The run is niced: the machine is shared.
set -uo pipefail
build=${1:?usage: run.sh BUILD [SECONDS] [NAME...]}
seconds=${2:-300}
shift $(( $# >= 2 ? 2 : 1 ))
source_dir=$(cd "$(dirname "$0")" && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for harness in "$build"/tests/fuzz/fuzz_*; do
    [ -f "$harness" ] && [ -x "$harness" ] && names+=("${harness##*/fuzz_}") # not the *_autogen folders
  done
fi
[ ${#names[@]} -gt 0 ] || { echo "run.sh: no harness built in $build/tests/fuzz" >&2; exit 2; }
failed=()
for name in "${names[@]}"; do
  corpus="$build/fuzz/corpus/$name"
  artifacts="$build/fuzz/artifacts/$name"
  log="$build/fuzz/$name.log"
  mkdir -p "$corpus" "$artifacts"
  seeds=()
  [ -d "$source_dir/corpus/$name" ] && seeds+=("$source_dir/corpus/$name")
  echo "== fuzz_$name: ${seconds} s; corpus $corpus; findings in $artifacts; log $log"
  # shellcheck disable=SC2086
  nice -n 10 "$build/tests/fuzz/fuzz_$name" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=30 \
    -rss_limit_mb=2560 -max_len=131072 -artifact_prefix="$artifacts/" -print_final_stats=1 ${FUZZ_FLAGS:-} >"$log" 2>&1
  status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added)|^#[0-9]+ +DONE|SUMMARY|ERROR:" "$log"
  if [ $status -ne 0 ]; then
    failed+=("$name")
    echo "== fuzz_$name FAILED (exit $status): see $log and $artifacts"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "== findings in: ${failed[*]}. Copy each artifact to tests/fixtures/fuzz/NAME/ (a regression for make test), then fix."
  exit 1
fi
echo "== every harness ran ${seconds} s without a finding"
