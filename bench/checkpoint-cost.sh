#!/usr/bin/env bash
# What exactly-once checkpoints cost per interval, and how parallelism scales, on runs long enough to hold several
# checkpoints: per query, ActorStream at parallelism 1, at parallelism nproc, and at nproc with checkpoints every
# INTERVAL, alternating, and writes bench/results/checkpoints-<date>.md with the medians, p=nproc / p=1, the cost
# (1 - with / without), and per checkpoint (from the runtime's log at level info) how long it took from trigger to
# completion and how much keyed state it wrote, the final one at the end of the input apart.
#
#   bench/checkpoint-cost.sh                               # every query, 50,000,000 events, every 10s, 3 repeats
#   EVENTS=5000000 REPEAT=1 QUERIES="q4" INTERVAL=2s RESULTS=/tmp/cp.md bench/checkpoint-cost.sh
#   RUNTIME_ENV="DOTNET_TieredCompilation=0" RESULTS=/tmp/steady.md bench/checkpoint-cost.sh   # steady state: no tiered JIT
#
# Needs the .NET SDK and GNU time (/usr/bin/time) for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/interleaved.sh
. bench/lib/interleaved.sh

events="${EVENTS:-50000000}"
repeat="${REPEAT:-3}"
parallelism="${PARALLELISM:-$(nproc)}"
queries="${QUERIES:-q0 q1 q2 q3 q4 q5 q7 q8 q11}"
interval="${INTERVAL:-10s}"
runtime_env="${RUNTIME_ENV:-}" # VAR=value ... for every run
date="$(date -u +%Y-%m-%d)"
results="${RESULTS:-bench/results/checkpoints-${date}.md}"
host="src/Host/bin/Release/net10.0/actorstream"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
[ -x /usr/bin/time ] || { echo "error: GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 1; }

dotnet build src/Host -c Release -v q -nologo >/dev/null

# name|environment|options (see bench/lib/interleaved.sh)
entries=("no checkpoints|$runtime_env|--parallelism $parallelism"
         "checkpoints every $interval|$runtime_env|--parallelism $parallelism --checkpoint-interval $interval --log-level info"
         "parallelism 1|$runtime_env|--parallelism 1")
p="$parallelism"
parallelism="" # in each entry's options
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
started="$(date -u +%H:%M)"
interleaved_runs "$work"

rate() { grep -o '"eventsPerSecond":[0-9.]*' "$1" | cut -d: -f2; }
# "<ms> <bytes>" of each completed checkpoint in a run's log, in order.
checkpoints() { sed -nE 's/.* completed in ([0-9]+) ms: [0-9]+ key groups, ([0-9]+) bytes of keyed state.*/\1 \2/p' "$1"; }

{
  echo "# Exactly-once checkpoints every $interval: what they cost per interval, $date"
  echo
  interleaved_machine "$load_before"
  echo "Started $started UTC. $events events per run, $repeat runs per configuration, alternating."
  echo
  echo "Commands (from the repository root; \`bench/checkpoint-cost.sh\` runs exactly these for each query):"
  echo
  echo '```bash'
  for entry in "${entries[@]}"; do echo "${runtime_env:+$runtime_env }$host bench nexmark --query QUERY --events $events ${entry##*|} --json OUT.json"; done
  echo '```'
  echo
  echo "Cost is 1 - (median events/s with checkpoints) / (median without). Periodic checkpoints are the ones taken while"
  echo "the input ran; the final one is taken at the end of the input (its keyed state is what the job holds then, written"
  echo "whole or as deltas as any other). Durations run from the trigger to the last acknowledgement (every key group durable);"
  echo "the subtasks go on processing meanwhile, except while each snapshots its state (synchronously, on its own thread)."
  echo
  echo "| query | p=1 events/s | p=$p events/s | p=$p / p=1 | p=$p with checkpoints | cost | periodic checkpoints per run | periodic: median ms | max ms | median MB written | final: median ms | final MB | runs p=1 | runs p=$p | runs with checkpoints |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|---|"
  for query in $queries; do
    without="$(for r in $(seq 1 "$repeat"); do rate "$work/$query-0-$r.json"; done)"
    with="$(for r in $(seq 1 "$repeat"); do rate "$work/$query-1-$r.json"; done)"
    one="$(for r in $(seq 1 "$repeat"); do rate "$work/$query-2-$r.json"; done)"
    a="$(echo "$without" | median)"; b="$(echo "$with" | median)"; c="$(echo "$one" | median)"
    periodic=""; final=""; counts=""
    for r in $(seq 1 "$repeat"); do
      checkpoints "$work/$query-1-$r.err" >"$work/cp"
      n="$(wc -l <"$work/cp")"
      counts+="$(( n > 0 ? n - 1 : 0 ))"$'\n'
      if [ "$n" -gt 1 ]; then periodic+="$(head -n $(( n - 1 )) "$work/cp")"$'\n'; fi
      if [ "$n" -gt 0 ]; then final+="$(tail -n 1 "$work/cp")"$'\n'; fi
    done
    periodic="$(echo -n "$periodic" | sed '/^$/d')"; final="$(echo -n "$final" | sed '/^$/d')"
    printf '| %s | %.0f | %.0f | %.2f | %.0f | %.0f %% | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$query" "$c" "$a" \
      "$(echo "$a / $c" | bc -l)" "$b" \
      "$(echo "(1 - $b / $a) * 100" | bc -l)" "$(echo -n "$counts" | median)" \
      "$(echo "$periodic" | awk 'NF { print $1 }' | median)" "$(echo "$periodic" | awk 'NF { print $1 }' | sort -g | tail -1 | sed 's/^$/-/')" \
      "$(echo "$periodic" | awk 'NF { printf "%.1f\n", $2 / 1048576 }' | median)" \
      "$(echo "$final" | awk 'NF { print $1 }' | median)" "$(echo "$final" | awk 'NF { printf "%.1f\n", $2 / 1048576 }' | median)" \
      "$(echo "$one" | awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 }')" \
      "$(echo "$without" | awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 }')" "$(echo "$with" | awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 }')"
  done
} >"$results"
echo "Wrote $results" >&2
