#!/usr/bin/env bash
# Regenerates the compiled EF Core models (src/Commonweal/Data/CompiledModels), one per provider, after
# any change to an entity or its configuration. Run it after adding a migration; the test
# CompiledModelTests fails until it is run.
# Usage: scripts/compiled-models.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
# The old models go first: code generated for an entity since removed would not build.
rm -rf src/Commonweal/Data/CompiledModels
for provider in Sqlite Postgres; do
    dotnet ef dbcontext optimize --project src/Commonweal --startup-project "src/Commonweal.Migrations.$provider" \
        --context CommonwealDbContext --output-dir "Data/CompiledModels/$provider" --namespace "Commonweal.Data.CompiledModels.$provider"
    # Each provider's model is chosen in CommonwealDatabase.Configure, not discovered: two discoverable models would clash.
    rm "src/Commonweal/Data/CompiledModels/$provider/CommonwealDbContextAssemblyAttributes.cs"
done
