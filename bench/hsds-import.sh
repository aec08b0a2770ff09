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
    local seconds peak
    seconds="$(sed -n 's/^took \([0-9.]*\) s$/\1/p' "$work/out.txt")"
    peak="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
    printf '%-24s %s | %.2f s | %d services/s (target 20000) | peak memory %d MB (limit 600)\n' \
        "$label" "$(tail -n 1 "$work/out.txt")" "$seconds" "$(awk -v n="$count" -v s="$seconds" 'BEGIN { print int(n / s) }')" "$((peak / 1024))"
}

timed "first import:" "$cli" import hsds "$work/services.json"
timed "re-import (no change):" "$cli" import hsds "$work/services.json"
echo "audit events: $(sqlite3 "$work/bench.db" 'select count(*) from audit_events' 2>/dev/null || echo 'sqlite3 not installed')"
