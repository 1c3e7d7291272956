#!/usr/bin/env bash
# Sweeps the exchange's settings on Nexmark queries (ActorStream engine) and writes bench/results/exchange-<date>.md: per
# query and configuration (batch size, credits per channel, local batch bytes) the median events/s and peak memory over the
# repeats, each run's figure, and the ratio to the defaults (the first configuration). Runs alternate between the
# configurations so that a drift in the machine's speed hits all. No tiering (DOTNET_TieredCompilation=0): short runs
# compare steady-state code, not how far the JIT got (bench/results/jit-2026-12-06.md).
#
#   bench/exchange-sweep.sh                               # q0 q5 q8, 5,000,000 events, parallelism 2, 3 repeats, full grid
#   QUERIES="q0 q5" SIZES="256 1024 4096" CREDITS="1 2 4" BYTES="64KiB 256KiB" bench/exchange-sweep.sh
#
# The grid: every SIZES x CREDITS pair at the default byte budget, then every BYTES at the default size and credits.
# Needs the .NET SDK and GNU time (/usr/bin/time) for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/interleaved.sh
. bench/lib/interleaved.sh

events="${EVENTS:-5000000}"
repeat="${REPEAT:-3}"
parallelism="${PARALLELISM:-2}"
queries="${QUERIES:-q0 q5 q8}"
sizes="${SIZES:-256 512 1024 2048 4096}"
credits="${CREDITS:-1 2 4}"
bytes="${BYTES:-64KiB 256KiB}"
default_size=1024
default_credits=2
default_bytes=1MiB
date="$(date -u +%Y-%m-%d)"
results="${RESULTS:-bench/results/exchange-${date}.md}"
host="src/Host/bin/Release/net10.0/actorstream"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
[ -x /usr/bin/time ] || { echo "error: GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 1; }
export DOTNET_TieredCompilation=0

[ -n "${SKIP_BUILD:-}" ] || dotnet build src/Host -c Release -v q -nologo >/dev/null

# name||options (see bench/lib/interleaved.sh); the defaults first, as the base of the ratios.
entries=("$default_size/$default_credits/$default_bytes (defaults)||")
for size in $sizes; do
  for credit in $credits; do
    [ "$size" = "$default_size" ] && [ "$credit" = "$default_credits" ] && continue
    entries+=("$size/$credit/$default_bytes||--batch-size $size --credits $credit")
  done
done
for budget in $bytes; do
  entries+=("$default_size/$default_credits/$budget||--batch-bytes $budget")
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
interleaved_runs "$work"
{
  echo "# Exchange settings on Nexmark, $date"
  echo
  interleaved_machine "$load_before"
  echo "Command per run: \`DOTNET_TieredCompilation=0 $host bench nexmark --query Q --events $events --parallelism $parallelism" \
       "[--batch-size N --credits N | --batch-bytes B] --json F\`, $repeat repeats, configurations interleaved." \
       "Configuration: batch size / credits per channel / local batch bytes. events/s is the job's (without node start and stop);" \
       "memory is the process's peak RSS."
  echo
  interleaved_table "$work" configuration
} > "$results"
echo "wrote $results" >&2
