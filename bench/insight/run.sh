#!/usr/bin/env bash
# Insight benchmark on SQLite. Targets: 360Giving import >= 50,000 grants/s; dependency and cliff
# figures for all organisations with 1,000,000 funding records <= 2 s; one organisation's
# funding page p95 <= 100 ms.
# Usage: bench/insight/run.sh [grants=200000] [scale=1] [port=5598]   (from the repository root)
set -euo pipefail
grants=${1:-200000}
scale=${2:-1}
port=${3:-5598}
root=$(cd "$(dirname "$0")/../.." && pwd)
fixtures=${COMMONWEAL_FIXTURES:-$root/../shared/fixtures}
work=${BENCH_DIR:-/tmp/insight-bench}
mkdir -p "$work"
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') memory; $(dotnet --version) SDK; load $(cut -d' ' -f1-3 /proc/loadavg)"

"$root/bench/publish-cli.sh" "$work/cli"
dotnet build "$root/src/Commonweal.Web" -c Release -v q -nologo >/dev/null
cli="$work/cli/Commonweal.Cli.dll"

# 1. 360Giving import into a fresh database, then the idempotent re-import.
python3 "$root/bench/insight/generate-grants.py" "$grants" "$fixtures/360giving/a-b-charitable-trust-grants.json" >"$work/grants.json"
rm -f "$work/import.db"*
export ConnectionStrings__Sqlite="Data Source=$work/import.db"
export ConnectionStrings__Postgres=""
dotnet "$cli" db migrate >/dev/null
for run in "first import" "re-import"; do
    dotnet "$cli" import 360giving "$work/grants.json" >"$work/import.txt"
    seconds=$(sed -n 's/^took \([0-9.]*\) s$/\1/p' "$work/import.txt")
    printf '360Giving %-12s %s | %s s | %d grants/s (target 50000)\n' "$run:" "$(tail -n 1 "$work/import.txt")" "$seconds" \
        "$(awk -v n="$grants" -v s="$seconds" 'BEGIN { print int(n / s) }')"
done

# 2. Figures over the scale data (1,000,000 funding records at scale 1). The imports above leave some
#    hundreds of megabytes for the kernel to write back: wait for that, so that it is not timed here.
sync
db="$work/scale.db"
export ConnectionStrings__Sqlite="Data Source=$db"
if [ ! -f "$db" ]; then
    dotnet "$cli" db migrate >/dev/null
    dotnet "$cli" import postcodes "$fixtures/postcodes/outcode-centroids.csv" | tail -1
    dotnet "$cli" seed --scale "$scale" | grep -E "Created|Seeding scale"
fi
echo "funding records: $(sqlite3 "$db" 'select count(*) from funding_records'); load $(cut -d' ' -f1-3 /proc/loadavg)"
for year in $(sqlite3 "$db" "select max(FinancialYear) - 1 from funding_records"); do
    dotnet "$cli" insight dependency --year "$year" | tail -n 2 | tr '\n' ' '; echo "(target took <= 2 s)"
done
dotnet "$cli" insight cliffs --months 12 | tail -n 2 | tr '\n' ' '; echo "(target took <= 2 s)"

# 3. One organisation's funding page (dependency by year and its cliff), signed in as a member:
#    200 requests one after another, after 20 to warm up.
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$root/src/Commonweal.Web"
dotnet bin/Release/net10.0/Commonweal.Web.dll --urls "http://127.0.0.1:$port" --environment Production >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 1
done
read -r email org < <(sqlite3 -separator ' ' "$db" "select u.Email, m.OrganisationId from AspNetUsers u join memberships m on m.UserId = u.Id join funding_records f on f.RecipientOrganisationId = m.OrganisationId where u.Email like '%@scale.commonweal.example' group by m.OrganisationId order by count(*) desc limit 1")
jar="$work/cookies.txt"
rm -f "$jar"
token=$(curl -fs -c "$jar" "http://127.0.0.1:$port/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=scale-password-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/sign-in"
url="http://127.0.0.1:$port/insight/organisations/$(echo "$org" | tr 'A-Z' 'a-z')"
# A failed sign-in would time the redirect to the sign-in page: check the page itself comes back first.
status=$(curl -s -b "$jar" -o "$work/page.html" -w '%{http_code}' "$url")
if [ "$status" != 200 ] || ! grep -q 'Funding picture' "$work/page.html"; then
    echo "organisation page: not measured (HTTP $status as $email; see $work/server.log)"
    exit 1
fi
for _ in $(seq 1 20); do curl -fs -b "$jar" -o /dev/null "$url"; done
for _ in $(seq 1 200); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n >"$work/page.txt"
printf 'organisation page (%s funding records for it): p50 %.1f ms, p95 %.1f ms (target <= 100 ms)\n' \
    "$(sqlite3 "$db" "select count(*) from funding_records where upper(RecipientOrganisationId) = upper('$org')")" \
    "$(awk 'NR == 100 { print $1 * 1000 }' "$work/page.txt")" "$(awk 'NR == 190 { print $1 * 1000 }' "$work/page.txt")"
