#!/usr/bin/env bash
# Outcomes benchmark on SQLite: outcome analysis for one need across all services, with 400,000
# questionnaire responses (seed --scale 1). Timed: the need's summary (what the API and pages compute;
# target <= 500 ms), and apart from it the comparison of every service side by side (no target).
# Usage: bench/outcomes/run.sh [need] [scale=1] [runs=5]   (from the repository root)
# By default the need is the top-level term whose services hold the most responses: the scale data
# tags services with its own taxonomy, not the demo's needs taxonomy, so a code such as
# mental-wellbeing would name a need with next to no scale services and time almost nothing.
set -euo pipefail
need=${1:-}
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

if [ -z "$need" ]; then
    need=$(sqlite3 "$work/bench.db" "select lower(coalesce(t.ParentId, t.Id)) as root from outcome_responses r join service_taxonomy_terms st on st.ServiceId = r.ServiceId join taxonomy_terms t on t.Id = st.TaxonomyTermId group by root order by count(*) desc limit 1")
fi
echo "responses: $(sqlite3 "$work/bench.db" 'select count(*) from outcome_responses'); need $need"

rm -f "$work/times.txt" "$work/compare-times.txt"
# Each run is a fresh process: the first query of each pays for opening the database and EF Core's model.
for i in $(seq 1 "$runs"); do
    dotnet "$cli" outcomes summary --need "$need" >"$work/run-$i.txt"
    sed -n 's/^took \([0-9,]*\) ms$/\1/p' "$work/run-$i.txt" | tr -d , >>"$work/times.txt"
    sed -n 's/^services side by side took \([0-9,]*\) ms$/\1/p' "$work/run-$i.txt" | tr -d , >>"$work/compare-times.txt"
done
head -n 5 "$work/run-1.txt"
median() { sort -n "$1" | awk -v runs="$runs" -v what="$2" -v target="$3" '{ t[NR] = $1 } END { printf "%s, %d runs: median %d ms, worst %d ms%s\n", what, runs, t[int((NR + 1) / 2)], t[NR], target }'; }
median "$work/times.txt" "outcome analysis for one need (the summary)" " (target <= 500 ms)"
median "$work/compare-times.txt" "every service meeting the need side by side (the commissioner's comparison)" " (no target)"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
