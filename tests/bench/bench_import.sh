#!/usr/bin/env bash
# Benchmark: `hydrascope import` of synthetic LiteLLM CSV logs (generate --as litellm-csv), wall
# time, peak memory and requests/s per stage, then the family step against a plain single-threaded
# MinHash baseline (bench_families). Targets (issue 13): full scale (16.55 M requests) in under
# 4 minutes and 2 GB. Scale: demo by default; HYDRASCOPE_BENCH_SCALE=full for the real target
# (about 25 GB of CSV in WORK_DIR).
# Usage: bench_import.sh HYDRASCOPE_BINARY BENCH_FAMILIES_BINARY WORK_DIR
set -euo pipefail
app=$1
families=$2
work=$3/import
scale=${HYDRASCOPE_BENCH_SCALE:-demo}
mkdir -p "$work"
logs=$work/logs-$scale
if [ ! -s "$logs/requests.csv" ]; then
  rm -rf "$logs"
  /usr/bin/time -f "generate --as litellm-csv: %e s wall, %M KB peak" "$app" generate --as litellm-csv -o "$logs" --scale "$scale"
fi
echo "logs: $logs/requests.csv ($(stat -c %s "$logs/requests.csv") bytes)"
cat "$logs/requests.csv" > /dev/null
rm -f "$work/imported.db"
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$app" import "$logs/requests.csv" --accounts "$logs/accounts.csv" \
  --models "$logs/models.csv" -o "$work/imported.db" 2> "$work/import.log"
read -r wall rss < "$work/time.txt"
cat "$work/import.log" | grep -v "^hydrascope import: "
echo "----"
echo "import: ${wall} s wall, peak memory $((rss / 1024)) MB (targets at full scale: < 240 s, < 2048 MB)"
"$app" validate "$work/imported.db" | tail -1
"$families" "$logs/requests.csv" 500000
