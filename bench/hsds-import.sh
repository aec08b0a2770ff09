#!/usr/bin/env bash
# Times `commonweal import hsds` on a generated HSDS JSON list of N services (default 50,000) into
# a fresh SQLite database, then the idempotent re-import. Targets: 20,000 services/s, 600 MB peak.
# Usage: bench/hsds-import.sh [N]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-50000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Publishing the CLI (Release, ReadyToRun)..."
"$root/bench/publish-cli.sh" "$work/cli"
cli="$work/cli/Commonweal.Cli"

echo "Generating $count services..."
python3 "$root/bench/hsds-generate.py" "$count" >"$work/services.json"

export ConnectionStrings__Sqlite="Data Source=$work/bench.db"
export ConnectionStrings__Postgres=""
"$cli" db migrate >/dev/null
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') memory; $(dotnet --version) SDK"

timed() {
    local label="$1"
    shift
    /usr/bin/time -v "$@" >"$work/out.txt" 2>"$work/time.txt"
    local seconds peak cpu
    seconds="$(sed -n 's/^took \([0-9.]*\) s$/\1/p' "$work/out.txt")"
    peak="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
    # Processor time (user and system, both cores): what the import cost beside how long it took, so that
    # work saved shows even where it was done on the core the import was not waiting for. It swings with
    # the machine's speed as the clock does (a slow host stretches both).
    cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")"
    printf '%-24s %s | %.2f s | %d services/s (target 20000) | processor %.2f s | peak memory %d MB (limit 600)\n' \
        "$label" "$(tail -n 1 "$work/out.txt")" "$seconds" "$(awk -v n="$count" -v s="$seconds" 'BEGIN { print int(n / s) }')" "$cpu" "$((peak / 1024))"
}

timed "first import:" "$cli" import hsds "$work/services.json"
timed "re-import (no change):" "$cli" import hsds "$work/services.json"
echo "audit events: $(sqlite3 "$work/bench.db" 'select count(*) from audit_events' 2>/dev/null || echo 'sqlite3 not installed')"
