#!/usr/bin/env bash
# ORUK search benchmark: 250,000 services on SQLite, 16 concurrent clients on loopback.
# Usage: bench/oruk-search/run.sh [port=5599] [scale=1]   (from the repository root)
set -euo pipefail
port=${1:-5599}
scale=${2:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/tmp/oruk-bench}
mkdir -p "$work"
db="$work/bench.db"
export ConnectionStrings__Sqlite="Data Source=$db"

dotnet build "$root/src/Commonweal.Web" -c Release -v q -nologo
dotnet build "$root/src/Commonweal.Cli" -c Release -v q -nologo
dotnet build "$root/bench/oruk-search" -c Release -v q -nologo
cli="$root/src/Commonweal.Cli/bin/Release/net10.0/Commonweal.Cli.dll"

# The national outcode table first, so that the scale directory spreads over the country.
if [ ! -f "$db" ]; then
    dotnet "$cli" db migrate
    dotnet "$cli" import postcodes "${COMMONWEAL_FIXTURES:-$root/../shared/fixtures}/postcodes/outcode-centroids.csv" | tail -1
    time dotnet "$cli" seed --scale "$scale"
fi

cd "$root/src/Commonweal.Web"
dotnet bin/Release/net10.0/Commonweal.Web.dll --urls "http://127.0.0.1:$port" --environment Production >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 1
done

# The first search starts the in-memory index; searches are measured once it answers (the database's
# full-text index answers until then).
"$root/bench/search-index-ready.sh" "$port" "$work/server.log"

dotnet "$root/bench/oruk-search/bin/Release/net10.0/OrukSearchBench.dll" "http://127.0.0.1:$port" "$server" 16 30 2000
