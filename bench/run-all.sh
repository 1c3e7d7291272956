#!/usr/bin/env bash
# Runs the Nexmark queries on ActorStream and on the loop baseline side by side in one run, and writes
# bench/results/nexmark-<date>.md: per query and engine the median events/s over the repeats, each run's figure,
# events/s per core, the ratio to the loop, Flink's published per-core figure and the peak memory of the process.
#
#   bench/run-all.sh                       # 50,000,000 events, 3 repeats, ActorStream at parallelism 1 and nproc
#   EVENTS=10000000 REPEAT=1 bench/run-all.sh
#
# Needs the .NET SDK and GNU time (/usr/bin/time) for the peak memory. Runs alternate between engines
# (loop, actorstream p=1, actorstream p=N, loop, ...) so that a drift in the machine's speed hits all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${EVENTS:-50000000}"
repeat="${REPEAT:-3}"
cores="$(nproc)"
queries="${QUERIES:-q0 q1 q2 q3 q4 q5 q7 q8 q11}"
date="$(date -u +%Y-%m-%d)"
results="bench/results/nexmark-${date}.md"
host="src/Host/bin/Release/net10.0/actorstream"
mkdir -p bench/results
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Flink 1.13 Nexmark results, events/s per core, as published with nexmark/nexmark.
declare -A flink=([q0]=155K [q1]=158K [q2]=175K [q3]=152K [q4]=34K [q5]=22K [q7]=12K [q8]=146K [q11]=40K)

dotnet build src/Host -c Release -v quiet -nologo >/dev/null

# One value of the flat JSON object in a measurement file.
field() { sed -E "s/.*\"$2\":\"?([^,\"}]*).*/\1/" "$1"; }

# "engine parallelism label" for every configuration measured.
configs=("loop 1 loop" "actorstream 1 actorstream-p1")
if [ "$cores" -gt 1 ]; then configs+=("actorstream $cores actorstream-p$cores"); fi

for query in $queries; do
  for run in $(seq 1 "$repeat"); do
    for config in "${configs[@]}"; do
      read -r engine parallelism label <<<"$config"
      out="$work/$query-$label-$run"
      echo "[$(date -u +%H:%M:%S)] $query $label run $run/$repeat" >&2
      /usr/bin/time -f "%M" -o "$out.mem" \
        "$host" bench nexmark --query "$query" --engine "$engine" --parallelism "$parallelism" \
        --events "$events" --json "$out.json" 2>"$out.err" >"$out.txt" \
        || { echo "error: $query $label failed; see below" >&2; cat "$out.err" >&2; exit 2; }
      cat "$out.txt" >&2
    done
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
thousands() { printf "%.0f" "$1" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }

{
  echo "# Nexmark q0-q2: ActorStream and the loop baseline, $date"
  echo
  echo "Machine: $(lscpu | sed -nE 's/^Model name: +//p' | head -1), $cores cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM,"
  echo "Linux $(uname -r), .NET SDK $(dotnet --version). $(thousands "$events") events per run (persons, auctions, bids 1:3:46),"
  echo "seed 0, $repeat runs per configuration, alternating between configurations."
  echo
  echo "Commands (from the repository root; \`bench/run-all.sh\` runs exactly these):"
  echo
  echo '```bash'
  echo "dotnet build src/Host -c Release"
  for config in "${configs[@]}"; do
    read -r engine parallelism label <<<"$config"
    echo "$host bench nexmark --query QUERY --engine $engine --parallelism $parallelism --events $events --json OUT.json"
  done
  echo '```'
  echo
  echo "events/s is generated events over the job's duration (ActorStream: from submission to the last subtask finishing,"
  echo "without starting and stopping the node; the loop: the loop). Per core divides by the cores the engine can use:"
  echo "1 for the loop and for parallelism 1, $cores for parallelism $cores. Peak memory is the process's maximum resident set."
  echo
  echo "| query | engine | median events/s | runs (events/s) | per core | vs loop | Flink 1.13 per core | results | job s | wall s | peak MiB |"
  echo "|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|"
  for query in $queries; do
    loop_median=""
    for config in "${configs[@]}"; do
      read -r engine parallelism label <<<"$config"
      rates=(); seconds=(); walls=(); mems=()
      for run in $(seq 1 "$repeat"); do
        out="$work/$query-$label-$run"
        rates+=("$(field "$out.json" eventsPerSecond)")
        seconds+=("$(field "$out.json" seconds)")
        walls+=("$(field "$out.json" wallSeconds)")
        mems+=("$(cat "$out.mem")")
        count="$(field "$out.json" results)"
      done
      med="$(printf '%s\n' "${rates[@]}" | median)"
      [ "$engine" = loop ] && loop_median="$med"
      used=$(( parallelism < cores ? parallelism : cores ))
      runs="$(for r in "${rates[@]}"; do thousands "$r"; echo; done | paste -sd ' ' | sed 's/ /, /g')"
      ratio="$(awk -v a="$med" -v b="$loop_median" 'BEGIN { printf "%.2f", a / b }')"
      echo "| $query | $label | $(thousands "$med") | $runs | $(thousands "$(awk -v a="$med" -v c="$used" 'BEGIN { print a / c }')") |" \
           "$ratio | ${flink[$query]} | $(thousands "$count") | $(printf '%s\n' "${seconds[@]}" | median | xargs printf '%.2f') |" \
           "$(printf '%s\n' "${walls[@]}" | median | xargs printf '%.2f') | $(( $(printf '%s\n' "${mems[@]}" | sort -n | tail -1) / 1024 )) |"
    done
  done
} >"$results"

echo "Wrote $results" >&2
