# Sourced by the benchmarks: sets `db` to the full-scale synthetic investigation in $work,
# generating it once (about 10 s, 508 MB), and warms the page cache so every run reads memory.
db=$work/hydrascope-full.db
mkdir -p "$work"
if [ ! -s "$db" ]; then
  echo "generating the full-scale investigation (once; kept in $work)"
  /usr/bin/time -f "generate: %e s wall, %M KB peak" "$app" generate -o "$db" --scale full
fi
echo "file: $db ($(stat -c %s "$db") bytes)"
cat "$db" > /dev/null
