#!/usr/bin/env bash
# Compares .NET runtime settings on Nexmark queries (ActorStream engine) and writes bench/results/<set>-<date>.md: per
# query and setting the median events/s and peak memory over the repeats, each run's figure, and the ratio to the first
# setting (the host's configuration when the set was measured). Runs alternate between the settings so that a drift in
# the machine's speed hits all. Sets:
#   gc   workstation concurrent, workstation non-concurrent, server (DATAS), server without DATAS
#   jit  tiered compilation with PGO, tiered without PGO, no tiering (methods compiled once, fully optimized)
#
#   bench/runtime-settings.sh gc                          # q0 q4 q5 q11, 10,000,000 events, parallelism nproc, 3 repeats
#   EVENTS=2000000 REPEAT=1 QUERIES="q0" RESULTS=/tmp/jit.md bench/runtime-settings.sh jit
#
# Needs the .NET SDK and GNU time (/usr/bin/time) for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
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

# name|environment
case "$set_name" in
  gc) title="Garbage-collector settings"
      settings=(
        "workstation-concurrent|DOTNET_gcServer=0"
        "workstation-nonconcurrent|DOTNET_gcServer=0 DOTNET_gcConcurrent=0"
        "server (DATAS)|DOTNET_gcServer=1"
        "server-no-DATAS|DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0"
      ) ;;
  jit) title="JIT settings"
      settings=(
        "tiered with PGO|DOTNET_TieredCompilation=1 DOTNET_TieredPGO=1"
        "tiered without PGO|DOTNET_TieredCompilation=1 DOTNET_TieredPGO=0"
        "no tiering|DOTNET_TieredCompilation=0"
      ) ;;
  *) echo "usage: bench/runtime-settings.sh gc|jit (see the comment at the top)" >&2; exit 64 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for round in $(seq 1 "$repeat"); do
  for query in $queries; do
    for i in "${!settings[@]}"; do
      vars="${settings[$i]#*|}"
      json="$work/$query-$i-$round.json"
      # shellcheck disable=SC2086
      env $vars /usr/bin/time -f '%M' -o "$work/$query-$i-$round.mem" \
        "$host" bench nexmark --query "$query" --events "$events" --parallelism "$parallelism" --json "$json" >/dev/null 2>"$work/err"
      echo "$query ${settings[$i]%%|*} round $round: $(grep -o '"eventsPerSecond":[0-9.]*' "$json" | cut -d: -f2) events/s" >&2
    done
  done
done

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
{
  echo "# $title on Nexmark, $date"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(dotnet --version) SDK;" \
       "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Command per run: \`[ENV] $host bench nexmark --query Q --events $events --parallelism $parallelism --json F\`," \
       "$repeat repeats, settings interleaved (each sets its environment variables explicitly, so the host's own defaults do not matter). events/s is the job's (without node start and stop); memory is the process's peak RSS."
  echo
  echo "| query | setting | median events/s | ratio to the first | runs (events/s) | median peak MiB |"
  echo "|---|---|---:|---:|---|---:|"
  for query in $queries; do
    base=""
    for i in "${!settings[@]}"; do
      runs="$(for r in $(seq 1 "$repeat"); do grep -o '"eventsPerSecond":[0-9.]*' "$work/$query-$i-$r.json" | cut -d: -f2; done)"
      med="$(echo "$runs" | median)"
      mem="$(for r in $(seq 1 "$repeat"); do cat "$work/$query-$i-$r.mem"; done | median)"
      [ -n "$base" ] || base="$med"
      printf '| %s | %s | %.0f | %.2f | %s | %.0f |\n' "$query" "${settings[$i]%%|*}" "$med" "$(echo "$med / $base" | bc -l)" \
        "$(echo "$runs" | awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 }')" "$(echo "$mem / 1024" | bc -l)"
    done
  done
} > "$results"
echo "wrote $results" >&2
