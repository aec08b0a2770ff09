#!/usr/bin/env bash
# Starts the web server's in-memory search index with a first search, waits until it is built and prints
# its build time from the server's log. Until then searches are answered by the database's full-text
# index, and the build takes the cores for 10 to 30 s at scale 1: benchmarks time the server after it.
# Usage: bench/search-index-ready.sh PORT SERVER_LOG
set -euo pipefail
port=$1
log=$2
curl -fs "http://127.0.0.1:$port/oruk/services?text=support&postcode=E3&proximity=1000" >/dev/null
for _ in $(seq 1 300); do
    grep -q "Directory search index:" "$log" && break
    sleep 1
done
grep -o "Directory search index:.*" "$log" | head -1
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
