#!/usr/bin/env bash
# Times `commonweal import ods-practices` on the real ODS list of GP practices (14,357 rows):
# a first import into a fresh SQLite database, then the idempotent re-import.
# Usage: bench/ods-import.sh [path/to/epraccur.csv]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixture="${1:-${COMMONWEAL_FIXTURES:-$root/../shared/fixtures}/nhs/epraccur.csv}"
if [[ ! -f "$fixture" ]]; then
    echo "Fixture not found: $fixture" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Publishing the CLI (Release, ReadyToRun)..."
"$root/bench/publish-cli.sh" "$work/cli"
cli="$work/cli/Commonweal.Cli"

export ConnectionStrings__Sqlite="Data Source=$work/bench.db"
export ConnectionStrings__Postgres=""
"$cli" db migrate >/dev/null

echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') memory; $(dotnet --version) SDK"

timed() {
    local label="$1"
    shift
    /usr/bin/time -v "$@" >"$work/out.txt" 2>"$work/time.txt"
    local wall peak
    wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")"
    peak="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
    printf '%-22s %s | wall %s | peak memory %d MB\n' "$label" "$(tail -n 1 "$work/out.txt")" "$wall" "$((peak / 1024))"
}

timed "first import:" "$cli" import ods-practices "$fixture"
timed "re-import (no change):" "$cli" import ods-practices "$fixture"
