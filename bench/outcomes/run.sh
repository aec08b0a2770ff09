#!/usr/bin/env bash
# Outcomes benchmark on SQLite: outcome analysis for one need across all services, with 400,000
# questionnaire responses (seed --scale 1). Target: <= 500 ms.
# Usage: bench/outcomes/run.sh [need=mental-wellbeing] [scale=1] [runs=5]   (from the repository root)
set -euo pipefail
need=${1:-mental-wellbeing}
scale=${2:-1}
runs=${3:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/tmp/outcomes-bench}
mkdir -p "$work"
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') memory; $(dotnet --version) SDK; load $(cut -d' ' -f1-3 /proc/loadavg)"
export ConnectionStrings__Sqlite="Data Source=$work/bench.db"
export ConnectionStrings__Postgres=""

dotnet build "$root/src/Commonweal.Cli" -c Release -v q -nologo >/dev/null
cli="$root/src/Commonweal.Cli/bin/Release/net10.0/Commonweal.Cli.dll"

# The national outcode table first, so that the scale directory spreads over the country; then the scale data.
if [ ! -f "$work/bench.db" ]; then
    dotnet "$cli" db migrate >/dev/null
    dotnet "$cli" import postcodes "${COMMONWEAL_FIXTURES:-$root/../shared/fixtures}/postcodes/outcode-centroids.csv" | tail -1
    time dotnet "$cli" seed --scale "$scale"
fi

# Each run is a fresh process: the first query of each pays for opening the database and EF Core's model.
for i in $(seq 1 "$runs"); do
    dotnet "$cli" outcomes summary --need "$need" >"$work/run-$i.txt"
    sed -n 's/^took \([0-9,]*\) ms$/\1/p' "$work/run-$i.txt" | tr -d ,
done >"$work/times.txt"
head -n 5 "$work/run-1.txt"
sort -n "$work/times.txt" | awk -v runs="$runs" '{ t[NR] = $1 } END { printf "outcome analysis for one need, %d runs: median %d ms, worst %d ms (target <= 500 ms)\n", runs, t[int((NR + 1) / 2)], t[NR] }'
