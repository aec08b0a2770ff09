#!/usr/bin/env bash
# Referrals benchmark: 200,000 referrals on SQLite (seed --scale 1), 16 concurrent practitioners on loopback.
# Usage: bench/referrals/run.sh [port=5599] [scale=1]   (from the repository root)
set -euo pipefail
port=${1:-5599}
scale=${2:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/tmp/referrals-bench}
mkdir -p "$work"
db="$work/bench.db"
export ConnectionStrings__Sqlite="Data Source=$db"

dotnet build "$root/src/Commonweal.Web" -c Release -v q -nologo
dotnet build "$root/src/Commonweal.Cli" -c Release -v q -nologo
dotnet build "$root/bench/referrals" -c Release -v q -nologo
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

# The benchmark finds its services through the ORUK API, whose first search would start the in-memory
# search index's build in the background, sharing the cores with the referrals timed.
"$root/bench/search-index-ready.sh" "$port" "$work/server.log"

dotnet "$root/bench/referrals/bin/Release/net10.0/ReferralsBench.dll" "http://127.0.0.1:$port" "$server" 16 20
