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

# name|options; the defaults first, as the base of the ratios.
configs=("$default_size/$default_credits/$default_bytes (defaults)|")
for size in $sizes; do
  for credit in $credits; do
    [ "$size" = "$default_size" ] && [ "$credit" = "$default_credits" ] && continue
    configs+=("$size/$credit/$default_bytes|--batch-size $size --credits $credit")
  done
done
for budget in $bytes; do
  configs+=("$default_size/$default_credits/$budget|--batch-bytes $budget")
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for round in $(seq 1 "$repeat"); do
  for query in $queries; do
    for i in "${!configs[@]}"; do
      options="${configs[$i]#*|}"
      json="$work/$query-$i-$round.json"
      # shellcheck disable=SC2086
      /usr/bin/time -f '%M' -o "$work/$query-$i-$round.mem" \
        "$host" bench nexmark --query "$query" --events "$events" --parallelism "$parallelism" $options --json "$json" >/dev/null 2>"$work/err" \
        || { cat "$work/err" >&2; exit 1; }
      echo "$query ${configs[$i]%%|*} round $round: $(grep -o '"eventsPerSecond":[0-9.]*' "$json" | cut -d: -f2) events/s" >&2
    done
  done
done

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
{
  echo "# Exchange settings on Nexmark, $date"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(dotnet --version) SDK;" \
       "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Command per run: \`DOTNET_TieredCompilation=0 $host bench nexmark --query Q --events $events --parallelism $parallelism" \
       "[--batch-size N --credits N | --batch-bytes B] --json F\`, $repeat repeats, configurations interleaved." \
       "Configuration: batch size / credits per channel / local batch bytes. events/s is the job's (without node start and stop);" \
       "memory is the process's peak RSS."
  echo
  echo "| query | configuration | median events/s | ratio to defaults | runs (events/s) | median peak MiB |"
  echo "|---|---|---:|---:|---|---:|"
  for query in $queries; do
    base=""
    for i in "${!configs[@]}"; do
      runs="$(for r in $(seq 1 "$repeat"); do grep -o '"eventsPerSecond":[0-9.]*' "$work/$query-$i-$r.json" | cut -d: -f2; done)"
      med="$(echo "$runs" | median)"
      mem="$(for r in $(seq 1 "$repeat"); do cat "$work/$query-$i-$r.mem"; done | median)"
      [ -n "$base" ] || base="$med"
      printf '| %s | %s | %.0f | %.2f | %s | %.0f |\n' "$query" "${configs[$i]%%|*}" "$med" "$(echo "$med / $base" | bc -l)" \
        "$(echo "$runs" | awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 }')" "$(echo "$mem / 1024" | bc -l)"
    done
  done
} > "$results"
echo "wrote $results" >&2
