#!/usr/bin/env bash
# Runs every ActorStream test on a fresh machine that has only the .NET SDK (and apt).
# It installs and starts whatever the tests need, then runs `dotnet test` on the solution.
# The runtime runs as a one-member Akka cluster in-process; the state-store tests need a MariaDB
# server: scripts/mariadb.sh installs it with apt-get if missing, starts it on 127.0.0.1:3307
# (data under $TMPDIR) unless it already runs, and its connection string goes to the tests in
# ACTORSTREAM_TEST_MARIADB. The dashboard's browser spec drives Debian's chromium, which
# scripts/chromium.sh installs. The Kafka specs need nothing: they start librdkafka's mock
# cluster in the test process (the specs that need a real broker run when KAFKA_BOOTSTRAP is set).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (10.0.x) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

ACTORSTREAM_TEST_MARIADB="$(bash scripts/mariadb.sh)"
export ACTORSTREAM_TEST_MARIADB
bash scripts/chromium.sh >/dev/null

configuration="${CONFIGURATION:-Release}"
dotnet restore ActorStream.sln
dotnet build ActorStream.sln -c "$configuration" --no-restore
# One test assembly at a time: the runtime suites start Akka clusters, and this machine has 2 cores.
dotnet test ActorStream.sln -c "$configuration" --no-build -m:1 --logger "console;verbosity=minimal" "$@"
