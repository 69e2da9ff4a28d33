#!/usr/bin/env bash
# Benchmark: `hydrascope import` of synthetic LiteLLM CSV logs (generate --as litellm-csv), wall
# time, peak memory and requests/s per stage, then the family step against a plain single-threaded
# MinHash baseline (bench_families). Targets (issue 13): full scale (16.55 M requests) in under
# 4 minutes and 2 GB. Scale: demo by default; HYDRASCOPE_BENCH_SCALE=full for the real target
# (about 16 GB of CSV in WORK_DIR).
# HYDRASCOPE_BENCH_LOGS=DIR uses logs already written there by `generate --as litellm-csv`
# (a full-scale set takes a quarter of an hour to write). The load average is printed before and
# after: on a shared machine, judge the wall time by the CPU time beside it.
# Usage: bench_import.sh HYDRASCOPE_BINARY BENCH_FAMILIES_BINARY WORK_DIR
set -euo pipefail
app=$1
families=$2
work=$3/import
scale=${HYDRASCOPE_BENCH_SCALE:-demo}
mkdir -p "$work"
logs=${HYDRASCOPE_BENCH_LOGS:-$work/logs-$scale}
if [ ! -s "$logs/requests.csv" ]; then
  rm -rf "$logs"
  /usr/bin/time -f "generate --as litellm-csv: %e s wall, %M KB peak" "$app" generate --as litellm-csv -o "$logs" --scale "$scale"
fi
echo "logs: $logs/requests.csv ($(stat -c %s "$logs/requests.csv") bytes)"
cat "$logs/requests.csv" > /dev/null
rm -f "$work/imported.db"
echo "before: $(uptime)"
/usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$app" import "$logs/requests.csv" --accounts "$logs/accounts.csv" \
  --models "$logs/models.csv" -o "$work/imported.db" 2> "$work/import.log"
echo "after:  $(uptime)"
read -r wall rss user sys < "$work/time.txt"
cat "$work/import.log" | grep -v "^hydrascope import: "
echo "----"
echo "import: ${wall} s wall, ${user} s user + ${sys} s sys CPU, peak memory $((rss / 1024)) MB (targets at full scale: < 240 s, < 2048 MB)"
"$app" validate "$work/imported.db" | tail -1
"$families" "$logs/requests.csv" 500000
