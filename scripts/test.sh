#!/usr/bin/env bash
# Runs every ActorStream test on a fresh machine that has only the .NET SDK.
# It installs and starts whatever the tests need, then runs `dotnet test` on the solution.
# Today the tests need no servers: the runtime runs as a one-member Akka cluster in-process.
# (State-store tests against MariaDB and Kafka tests against librdkafka's mock cluster will add
# their install-and-start steps here, before `dotnet test`.)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (10.0.x) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

configuration="${CONFIGURATION:-Release}"
dotnet restore ActorStream.sln
dotnet build ActorStream.sln -c "$configuration" --no-restore
# One test assembly at a time: the runtime suites start Akka clusters, and this machine has 2 cores.
dotnet test ActorStream.sln -c "$configuration" --no-build -m:1 --logger "console;verbosity=minimal" "$@"
