#!/usr/bin/env bash
# Publishes the CLI as a deployment would run it: Release, framework-dependent, and ReadyToRun
# (compiled ahead of time), so that a command does not spend its first half-second compiling EF Core
# and the importer before it can start. The import benchmarks time this build.
# Usage: bench/publish-cli.sh OUTPUT_FOLDER
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
dotnet publish "$root/src/Commonweal.Cli" --configuration Release --runtime "$rid" --self-contained false \
    -p:PublishReadyToRun=true --nologo --verbosity quiet --output "$1" >/dev/null
# The publish leaves its files for the kernel to write back; the timed imports sync their commits, so
# wait for that here rather than inside their timings.
sync
