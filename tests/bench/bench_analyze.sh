#!/usr/bin/env bash
# Benchmark: `hydrascope analyze --json` on the full-scale synthetic investigation (16.55 M
# exchanges), against one plain sqlite3 GROUP BY over the same file. Targets (issue 2): under
# 5 s from process start to exit, peak memory under 700 MB, at least 3x faster than the query.
# Usage: bench_analyze.sh HYDRASCOPE_BINARY WORK_DIR
set -euo pipefail
app=$1
work=$2
source "$(dirname "$0")/fullscale.sh"

runs=3
best_wall=999999; best_rss=0
for i in $(seq $runs); do
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$app" analyze "$db" --json > "$work/analysis.json"
  read -r wall rss < "$work/time.txt"
  echo "analyze --json run $i: ${wall} s, peak ${rss} KB"
  if awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; fi
  if [ "$rss" -gt "$best_rss" ]; then best_rss=$rss; fi
done

/usr/bin/time -f "%e" -o "$work/time.txt" sqlite3 -readonly "$db" \
  "SELECT ts/3600, model_id, count(*) FROM exchanges GROUP BY 1,2" > /dev/null
read -r query < "$work/time.txt"
ratio=$(awk "BEGIN{printf \"%.2f\", $query / $best_wall}")
rss_mb=$((best_rss / 1024))
echo "----"
echo "analyze --json (best of $runs): ${best_wall} s; peak memory (worst run): ${rss_mb} MB"
echo "sqlite3 GROUP BY ts/3600, model_id: ${query} s"
echo "speed-up: ${ratio}x (target >= 3x, aim 4x)"

status=0
awk "BEGIN{exit !($best_wall < 5)}" || { echo "FAIL: analyze took ${best_wall} s (target < 5 s)"; status=1; }
[ "$rss_mb" -lt 700 ] || { echo "FAIL: peak memory ${rss_mb} MB (target < 700 MB)"; status=1; }
awk "BEGIN{exit !($ratio >= 3)}" || { echo "FAIL: speed-up ${ratio}x (target >= 3x)"; status=1; }
[ $status -eq 0 ] && echo "bench_analyze: all targets met"
exit $status
