#!/usr/bin/env bash
# Compares .NET runtime settings on Nexmark queries (ActorStream engine) and writes bench/results/<set>-<date>.md: per
# query and setting the median events/s and peak memory over the repeats, each run's figure, and the ratio to the first
# setting (the host's configuration when the set was measured). Runs alternate between the settings so that a drift in
# the machine's speed hits all. Sets:
#   gc   workstation concurrent, workstation non-concurrent, server (DATAS), server without DATAS
#   gc-checkpoints  the same with exactly-once checkpoints every 10 s: server (DATAS), server with RetainVM, server
#        without DATAS, workstation concurrent
#   jit  tiered compilation with PGO, tiered without PGO, no tiering (methods compiled once, fully optimized)
#
#   bench/runtime-settings.sh gc                          # q0 q4 q5 q11, 10,000,000 events, parallelism nproc, 3 repeats
#   EVENTS=2000000 REPEAT=1 QUERIES="q0" RESULTS=/tmp/jit.md bench/runtime-settings.sh jit
#
# Needs the .NET SDK and GNU time (/usr/bin/time) for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/interleaved.sh
. bench/lib/interleaved.sh
set_name="${1:-}"

events="${EVENTS:-10000000}"
repeat="${REPEAT:-3}"
cores="$(nproc)"
parallelism="${PARALLELISM:-$cores}"
queries="${QUERIES:-q0 q4 q5 q11}"
date="$(date -u +%Y-%m-%d)"
results="${RESULTS:-bench/results/${set_name}-${date}.md}"
host="src/Host/bin/Release/net10.0/actorstream"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
[ -x /usr/bin/time ] || { echo "error: GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 1; }

dotnet build src/Host -c Release -v q -nologo >/dev/null

# name|environment (see bench/lib/interleaved.sh)
case "$set_name" in
  gc) title="Garbage-collector settings"
      entries=(
        "workstation-concurrent|DOTNET_gcServer=0|"
        "workstation-nonconcurrent|DOTNET_gcServer=0 DOTNET_gcConcurrent=0|"
        "server (DATAS)|DOTNET_gcServer=1|"
        "server-no-DATAS|DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0|"
      ) ;;
  gc-checkpoints) title="Garbage-collector settings with exactly-once checkpoints every 10 s"
      # Checkpoints allocate key-group blobs of megabytes (large object heap): whether keeping freed memory mapped
      # (RetainVM) or a bigger gen0 budget helps the host's server GC there.
      entries=(
        "server (DATAS)|DOTNET_gcServer=1|--checkpoint-interval 10s"
        "server, RetainVM|DOTNET_gcServer=1 DOTNET_GCRetainVM=1|--checkpoint-interval 10s"
        "server without DATAS|DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0|--checkpoint-interval 10s"
        "workstation-concurrent|DOTNET_gcServer=0|--checkpoint-interval 10s"
      ) ;;
  jit) title="JIT settings"
      entries=(
        "tiered with PGO|DOTNET_TieredCompilation=1 DOTNET_TieredPGO=1|"
        "tiered without PGO|DOTNET_TieredCompilation=1 DOTNET_TieredPGO=0|"
        "no tiering|DOTNET_TieredCompilation=0|"
      ) ;;
  *) echo "usage: bench/runtime-settings.sh gc|gc-checkpoints|jit (see the comment at the top)" >&2; exit 64 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
interleaved_runs "$work"
{
  echo "# $title on Nexmark, $date"
  echo
  interleaved_machine "$load_before"
  echo "Command per run: \`[ENV] $host bench nexmark --query Q --events $events --parallelism $parallelism [OPTIONS] --json F\`," \
       "$repeat repeats, settings interleaved (each sets its environment variables explicitly, so the host's own defaults do not matter). events/s is the job's (without node start and stop); memory is the process's peak RSS."
  echo
  interleaved_table "$work" setting
} > "$results"
echo "wrote $results" >&2
