#!/usr/bin/env bash
# Runs the Nexmark queries side by side in one run and writes bench/results/nexmark-<date>.md:
#
# - per query and configuration (the loop baseline; ActorStream at parallelism 1 and at nproc; ActorStream at nproc spread
#   over two node processes on loopback; ActorStream at nproc with exactly-once checkpoints; Akka.Streams when the host has
#   that engine) the median events/s over the repeats, each
#   run's figure, events/s per core, the ratios to the loop and to Akka.Streams, Flink's published per-core figure,
#   completed checkpoints and the peak memory of the process;
# - the issue's targets checked per query ("met" or "missed by X %"), two nodes against one on q0 and q5;
# - q1's latency at a fixed rate (p50, p99, max) on the loop and on ActorStream with and without checkpoints;
# - the machine and the exact commands.
#
#   bench/run-all.sh                                     # 50,000,000 events, 3 repeats, every query
#   EVENTS=10000000 REPEAT=1 QUERIES="q0 q5" bench/run-all.sh
#   LATENCY_RATE=50000 LATENCY_SECONDS=10 bench/run-all.sh
#   LATENCY=0 bench/run-all.sh                           # without the latency section
#   RESULTS=/tmp/try.md EVENTS=200000 REPEAT=1 bench/run-all.sh   # a quick try that leaves bench/results alone
#
# Needs the .NET SDK and GNU time (/usr/bin/time, Debian package "time") for the peak memory; installs it with apt-get
# when it is missing and this runs as root, and stops otherwise. Runs alternate between configurations
# (loop, actorstream p=1, p=N, ..., loop, ...) so that a drift in the machine's speed hits all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${EVENTS:-50000000}"
repeat="${REPEAT:-3}"
cores="$(nproc)"
queries="${QUERIES:-q0 q1 q2 q3 q4 q5 q7 q8 q11}"
interval="${CHECKPOINT_INTERVAL:-10s}"
latency="${LATENCY:-1}"
latency_rate="${LATENCY_RATE:-100000}"
latency_seconds="${LATENCY_SECONDS:-20}"
latency_events=$(( latency_rate * latency_seconds ))
date="$(date -u +%Y-%m-%d)"
results="${RESULTS:-bench/results/nexmark-${date}.md}"
host="src/Host/bin/Release/net10.0/actorstream"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "GNU time (/usr/bin/time) is missing; installing the Debian package 'time'." >&2
    apt-get install -y -q time >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
  fi
  [ -x /usr/bin/time ] || {
    echo "error: GNU time (/usr/bin/time) is missing; it measures each run's peak memory. Install the Debian package 'time'" \
         "(apt-get install time) and run again." >&2
    exit 1
  }
fi

mkdir -p "$(dirname "$results")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Flink 1.13 Nexmark results, events/s per core, as published with nexmark/nexmark.
declare -A flink=([q0]=155000 [q1]=158000 [q2]=175000 [q3]=152000 [q4]=34000 [q5]=22000 [q7]=12000 [q8]=146000 [q11]=40000)
declare -A stateless=([q0]=1 [q1]=1 [q2]=1)

dotnet build src/Host -c Release -v quiet -nologo >/dev/null

# The akka-streams engine exists once `bench nexmark --help` lists it.
akka_streams=0
if "$host" bench nexmark --help 2>/dev/null | grep -q 'akka-streams'; then akka_streams=1; fi

# "label|arguments" of every configuration measured, in the order the runs alternate.
full="actorstream-p$cores"
two_nodes="actorstream-p$cores-2nodes"
checkpointed="actorstream-p$cores-cp$interval"
configs=("loop|--engine loop --parallelism 1" "actorstream-p1|--engine actorstream --parallelism 1")
# Two nodes need a subtask for each: only where the full parallelism is at least 2.
if [ "$cores" -gt 1 ]; then
  configs+=("$full|--engine actorstream --parallelism $cores" "$two_nodes|--engine actorstream --parallelism $cores --nodes 2")
fi
configs+=("$checkpointed|--engine actorstream --parallelism $cores --checkpoint-interval $interval")
if [ "$akka_streams" = 1 ]; then configs+=("akka-streams|--engine akka-streams"); fi

latency_configs=("loop|--engine loop" "$full|--engine actorstream --parallelism $cores"
                 "$checkpointed|--engine actorstream --parallelism $cores --checkpoint-interval $interval")

# Runs the host with the given arguments under GNU time: OUT.json, OUT.time (peak KiB, user and system CPU seconds, elapsed
# seconds; a child node's CPU included, as it is reaped by the bench process), OUT.txt; stops the script on failure.
measure() {
  local out="$1"; shift
  /usr/bin/time -f "%M %U %S %e" -o "$out.time" "$host" bench nexmark "$@" --json "$out.json" 2>"$out.err" >"$out.txt" \
    || { echo "error: bench nexmark $* failed; its output:" >&2; cat "$out.err" >&2; exit 2; }
  cat "$out.txt" >&2
}

for query in $queries; do
  for run in $(seq 1 "$repeat"); do
    for config in "${configs[@]}"; do
      label="${config%%|*}"; args="${config#*|}"
      echo "[$(date -u +%H:%M:%S)] $query $label run $run/$repeat" >&2
      # shellcheck disable=SC2086 # the arguments are words
      measure "$work/$query-$label-$run" --query "$query" --events "$events" $args
    done
  done
done

if [ "$latency" = 1 ]; then
  for run in $(seq 1 "$repeat"); do
    for config in "${latency_configs[@]}"; do
      label="${config%%|*}"; args="${config#*|}"
      echo "[$(date -u +%H:%M:%S)] q1 latency $label run $run/$repeat" >&2
      # shellcheck disable=SC2086
      measure "$work/latency-$label-$run" --query q1 --events "$latency_events" --rate "$latency_rate" --latency $args
    done
  done
fi

# shellcheck source=bench/lib/median.sh
. bench/lib/median.sh
# One value of the flat JSON object in a measurement file.
field() { sed -E "s/.*\"$2\":\"?([^,\"}]*).*/\1/" "$1"; }
thousands() { printf "%.0f" "$1" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }
micros() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
# "met (value / target as a factor)" or "missed by X %" for a value against a target.
verdict() {
  awk -v v="$1" -v t="$2" 'BEGIN { if (v >= t) printf "met (%.2fx the target)", v / t; else printf "missed by %.0f %%", (t - v) / t * 100 }'
}

# The same for a value that must stay below a limit (latency in ms).
below() {
  awk -v v="$1" -v t="$2" 'BEGIN { if (v <= t) printf "met (%.3g µs)", v * 1000; else printf "missed by %.0f %% (%.3g ms)", (v - t) / t * 100, v }'
}
declare -A p99

# Per query and configuration: median events/s, per core, and the values the tables need.
declare -A med per_core job_cores
for query in $queries; do
  for config in "${configs[@]}"; do
    label="${config%%|*}"
    rates=(); busy=()
    for run in $(seq 1 "$repeat"); do
      rates+=("$(field "$work/$query-$label-$run.json" eventsPerSecond)")
      busy+=("$(field "$work/$query-$label-$run.json" coresBusy)")
    done
    med[$query,$label]="$(printf '%s\n' "${rates[@]}" | median)"
    # The cores the run kept busy while it ran, in the bench process ("-" with two nodes: half the job is elsewhere).
    job_cores[$query,$label]="-"
    if [ "${busy[0]}" != null ]; then job_cores[$query,$label]="$(printf '%s\n' "${busy[@]}" | median | xargs printf '%.2f')"; fi
    parallelism="$(field "$work/$query-$label-1.json" parallelism)"
    used=$(( parallelism < cores ? parallelism : cores ))
    per_core[$query,$label]="$(awk -v a="${med[$query,$label]}" -v c="$used" 'BEGIN { print a / c }')"
  done
done

{
  echo "# Nexmark: ActorStream, the loop baseline$([ "$akka_streams" = 1 ] && echo ", Akka.Streams") and Flink's published figures, $date"
  echo
  echo "Machine: $(lscpu | sed -nE 's/^Model name: +//p' | head -1), $cores cores ($(lscpu | sed -nE 's/^Thread\(s\) per core: +//p') thread(s) per core),"
  echo "$(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, Linux $(uname -r), .NET SDK $(dotnet --version), Release build, load average before the"
  echo "runs: $load_before. $(thousands "$events") events per run (persons, auctions, bids 1:3:46), seed 0, $repeat runs per"
  echo "configuration, alternating between configurations. Checkpoints: exactly-once every $interval into a temporary SQLite file per run."
  if [ "$cores" -gt 1 ]; then
    echo "\`$two_nodes\` spreads the same job over two node processes on 127.0.0.1 (the bench process and an \`actorstream node\`"
    echo "child of it, $(( (cores + 1) / 2 )) slot(s) each), so keyed exchanges cross the loopback network; its peak MiB is the larger process's."
  fi
  [ "$akka_streams" = 1 ] || echo "The host has no akka-streams engine yet: its columns are left out."
  echo
  echo "Commands (from the repository root; \`bench/run-all.sh\` runs exactly these, QUERY being each of $queries):"
  echo
  echo '```bash'
  echo "dotnet build src/Host -c Release"
  for config in "${configs[@]}"; do
    echo "/usr/bin/time -f %M $host bench nexmark --query QUERY --events $events ${config#*|} --json OUT.json"
  done
  if [ "$latency" = 1 ]; then
    for config in "${latency_configs[@]}"; do
      echo "/usr/bin/time -f %M $host bench nexmark --query q1 --events $latency_events --rate $latency_rate --latency ${config#*|} --json OUT.json"
    done
  fi
  echo '```'
  echo
  echo "events/s is generated events over the run's duration (ActorStream: from submission to the last subtask finishing,"
  echo "without starting and stopping the node; the loop: the loop; Akka.Streams: from materializing to the sink's completion)."
  echo "Per core divides by the cores the configuration can use: its parallelism, at most $cores (1 for the loop and for"
  echo "Akka.Streams, which runs one materialized stream). Ratios are of medians: \"vs loop\" and \"vs akka-streams\" compare whole"
  echo "runs, \"per core vs loop\" compares events/s per core with the loop's one core. Peak MiB is the largest maximum resident"
  echo "set of the process over the repeats (GNU time %M). CPU s is the process's user + system CPU time (a child node's included),"
  echo "cores busy that CPU time over the process's elapsed time (node start and stop included): how much of the $cores cores a"
  echo "configuration kept busy. Job cores is the bench process's CPU time during the run itself (from the job's submission"
  echo "to its end, the loop's or the stream's run) over that run's time: the cores the run kept busy while it ran, and so how"
  echo "much a higher parallelism can still gain on this machine (not given with two nodes). GC pause s is the time the bench"
  echo "process's threads were paused by garbage collections during the run (median; not given with two nodes, whose child"
  echo "node pauses apart): runs of one configuration differ largely by it."
  echo
  echo "## Throughput"
  echo
  header="| query | loop | actorstream p=1 |"
  rule="|---|--:|--:|"
  if [ "$cores" -gt 1 ]; then header+=" actorstream p=$cores | actorstream p=$cores, 2 nodes |"; rule+="--:|--:|"; fi
  header+=" actorstream p=$cores, checkpoints $interval |"; rule+="--:|"
  if [ "$akka_streams" = 1 ]; then header+=" akka-streams |"; rule+="--:|"; fi
  echo "Median events/s:"
  echo
  two_header=""; two_rule=""
  if [ "$cores" -gt 1 ]; then two_header=" 2 nodes vs 1 |"; two_rule="--:|"; fi
  echo "$header Flink 1.13 per core |$two_header"
  echo "$rule--:|$two_rule"
  for query in $queries; do
    row="| $query |"
    for config in "${configs[@]}"; do row+=" $(thousands "${med[$query,${config%%|*}]}") |"; done
    two_ratio=""
    if [ "$cores" -gt 1 ]; then two_ratio=" $(ratio "${med[$query,$two_nodes]}" "${med[$query,$full]}") |"; fi
    echo "$row $(thousands "${flink[$query]}") |$two_ratio"
  done
  echo
  echo "Every configuration:"
  echo
  echo "| query | configuration | median events/s | runs (events/s) | per core | vs loop | per core vs loop | vs akka-streams | per core vs Flink | results | checkpoints | job s | wall s | CPU s | cores busy | job cores | GC pause s | peak MiB |"
  echo "|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  for query in $queries; do
    for config in "${configs[@]}"; do
      label="${config%%|*}"
      rates=(); seconds=(); walls=(); mems=(); checkpoints=(); cpus=(); busy=(); pauses=()
      for run in $(seq 1 "$repeat"); do
        out="$work/$query-$label-$run"
        cpus+=("$(awk '{ print $2 + $3 }' "$out.time")")
        busy+=("$(awk '{ if ($4 > 0) print ($2 + $3) / $4; else print 0 }' "$out.time")")
        rates+=("$(field "$out.json" eventsPerSecond)")
        seconds+=("$(field "$out.json" seconds)")
        walls+=("$(field "$out.json" wallSeconds)")
        checkpoints+=("$(field "$out.json" completedCheckpoints)")
        pauses+=("$(field "$out.json" gcPauseMs)")
        mems+=("$(cut -d' ' -f1 "$out.time")")
        count="$(field "$out.json" results)"
      done
      runs="$(for r in "${rates[@]}"; do thousands "$r"; echo; done | paste -sd ' ' | sed 's/ /, /g')"
      # The bench process's GC pause (null with two nodes: the child node's pauses are not reported).
      pause="-"
      if [ "${pauses[0]}" != null ]; then pause="$(printf '%s\n' "${pauses[@]}" | median | awk '{ printf "%.2f", $1 / 1000 }')"; fi
      vs_akka="-"
      if [ "$akka_streams" = 1 ]; then vs_akka="$(ratio "${med[$query,$label]}" "${med[$query,akka-streams]}")"; fi
      echo "| $query | $label | $(thousands "${med[$query,$label]}") | $runs | $(thousands "${per_core[$query,$label]}") |" \
           "$(ratio "${med[$query,$label]}" "${med[$query,loop]}") | $(ratio "${per_core[$query,$label]}" "${med[$query,loop]}") | $vs_akka |" \
           "$(ratio "${per_core[$query,$label]}" "${flink[$query]}") | $(thousands "$count") |" \
           "$(printf '%s\n' "${checkpoints[@]}" | median | xargs printf '%.0f') |" \
           "$(printf '%s\n' "${seconds[@]}" | median | xargs printf '%.2f') | $(printf '%s\n' "${walls[@]}" | median | xargs printf '%.2f') |" \
           "$(printf '%s\n' "${cpus[@]}" | median | xargs printf '%.1f') | $(printf '%s\n' "${busy[@]}" | median | xargs printf '%.2f') |" \
           "${job_cores[$query,$label]} | $pause | $(( $(printf '%s\n' "${mems[@]}" | sort -n | tail -1) / 1024 )) |"
    done
  done
  echo
  echo "## Targets"
  echo
  echo "Issue 14's targets, checked on the medians above (\"missed by X %\" is how far the figure is from the target):"
  echo "ActorStream at parallelism $cores (\`$full\`) reaches at least 1.3x its own parallelism-1 throughput on every query;"
  echo "on every stateful query ActorStream at parallelism 1 is at least as fast as Akka.Streams, and q5 (sliced sliding"
  echo "windows) at parallelism 1 reaches at least 50 % of the loop; exactly-once checkpoints every $interval (\`$checkpointed\`)"
  echo "cost at most 10 % of \`$full\`'s throughput; on q0 and q5 the job spread over two nodes on loopback (\`$two_nodes\`)"
  echo "reaches at least 80 % of one node at the same parallelism. A checkpoint cost measured over a run with no periodic"
  echo "checkpoint in it (see the checkpoints column above: the last one is the final checkpoint at the end of the input)"
  echo "shows what the store and the final checkpoint cost, not the interval's. Beside the scaling: the cores p=1 kept busy"
  echo "while it ran (its source chain and its keyed operators run on threads of their own, so p=1 uses more than one core and"
  echo "$cores cores allow at most $cores / that of it at p=$cores), and events per CPU-second at p=$cores against p=1 (1.00: the"
  echo "engine does the same work per event at both parallelisms, so what is missing is cores, not efficiency)."
  echo
  echo "| query | kind | p=$cores >= 1.3x p=1 | p=1 >= akka-streams | q5 p=1 >= 50 % of the loop | checkpoints cost <= 10 % | two nodes >= 80 % of one |"
  echo "|---|---|---|---|---|---|---|"
  for query in $queries; do
    if [ -n "${stateless[$query]:-}" ]; then kind=stateless; else kind=stateful; fi
    scaling="n/a (one core)"
    if [ "$cores" -gt 1 ]; then
      scaling="$(ratio "${med[$query,$full]}" "${med[$query,actorstream-p1]}")x: $(verdict "${med[$query,$full]}" "$(awk -v o="${med[$query,actorstream-p1]}" 'BEGIN { print o * 1.3 }')")"
      if [ "${job_cores[$query,actorstream-p1]}" != - ] && [ "${job_cores[$query,$full]}" != - ]; then
        scaling+="; p=1 busy ${job_cores[$query,actorstream-p1]} cores (at most $(ratio "$cores" "${job_cores[$query,actorstream-p1]}")x on $cores),"
        scaling+=" events per CPU-s $(awk -v a="${med[$query,$full]}" -v ca="${job_cores[$query,$full]}" -v b="${med[$query,actorstream-p1]}" -v cb="${job_cores[$query,actorstream-p1]}" 'BEGIN { if (ca > 0 && cb > 0 && b > 0) printf "%.2f", (a / ca) / (b / cb); else printf "-" }')x p=1's"
      fi
    fi
    akka="-"
    if [ "$kind" = stateful ]; then
      akka="n/a (no akka-streams engine)"
      if [ "$akka_streams" = 1 ]; then
        akka="$(ratio "${med[$query,actorstream-p1]}" "${med[$query,akka-streams]}")x: $(verdict "${med[$query,actorstream-p1]}" "${med[$query,akka-streams]}")"
      fi
    fi
    loop_share="-"
    if [ "$query" = q5 ]; then
      loop_share="$(ratio "${med[$query,actorstream-p1]}" "${med[$query,loop]}"): $(verdict "${med[$query,actorstream-p1]}" "$(awk -v l="${med[$query,loop]}" 'BEGIN { print l * 0.5 }')")"
    fi
    cost="$(awk -v c="${med[$query,$checkpointed]}" -v p="${med[$query,$full]}" 'BEGIN { printf "%.0f %%", (1 - c / p) * 100 }'): $(verdict "${med[$query,$checkpointed]}" "$(awk -v p="${med[$query,$full]}" 'BEGIN { print p * 0.9 }')")"
    two="-"
    if [ "$cores" -le 1 ]; then two="n/a (one core: no second node)"
    elif [ "$query" = q0 ] || [ "$query" = q5 ]; then
      two="$(ratio "${med[$query,$two_nodes]}" "${med[$query,$full]}"): $(verdict "${med[$query,$two_nodes]}" "$(awk -v o="${med[$query,$full]}" 'BEGIN { print o * 0.8 }')")"
    fi
    echo "| $query | $kind | $scaling | $akka | $loop_share | $cost | $two |"
  done
  echo
  echo "Earlier targets (issue 5), on the same medians: \`$checkpointed\` reaches at least twice Flink 1.13's published"
  echo "events/s per core, and per core at least 50 % (stateless) or 25 % (stateful) of the loop's events/s on its one core."
  echo
  echo "| query | >= 2x Flink per core | >= 50 % / 25 % of the loop per core |"
  echo "|---|---|---|"
  for query in $queries; do
    if [ -n "${stateless[$query]:-}" ]; then share=0.5; else share=0.25; fi
    echo "| $query | $(verdict "${per_core[$query,$checkpointed]}" "$(( 2 * ${flink[$query]} ))") |" \
         "$(verdict "${per_core[$query,$checkpointed]}" "$(awk -v l="${med[$query,loop]}" -v s="$share" 'BEGIN { print l * s }')") |"
  done
  if [ "$latency" = 1 ]; then
    echo
    echo "## q1 latency at $(thousands "$latency_rate") events/s"
    echo
    echo "q1 with the generator paced to $(thousands "$latency_rate") events/s in total for $(thousands "$latency_events") events ($latency_seconds s). Each result's"
    echo "latency runs from the moment the source emitted its event (a Stopwatch timestamp carried with the record) to the moment"
    echo "the sink received the result; every result is recorded (no sampling) in a log-linear histogram exact to 1/128. p50 and"
    echo "p99 are medians over the repeats, max the largest over them. q1's pipeline is one chain per subtask (source, filter, map,"
    echo "sink in one call), so this is the chain's own time plus any pause between emission and sink (garbage collections,"
    echo "checkpoints, descheduling); it does not include how late the paced source emits against its schedule."
    echo
    echo "| configuration | events/s | results | p50 µs | p99 µs | max ms | checkpoints | peak MiB |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|"
    for config in "${latency_configs[@]}"; do
      label="${config%%|*}"
      rates=(); p50s=(); p99s=(); maxes=(); mems=(); checkpoints=()
      for run in $(seq 1 "$repeat"); do
        out="$work/latency-$label-$run"
        rates+=("$(field "$out.json" eventsPerSecond)")
        p50s+=("$(field "$out.json" latencyP50Ms)")
        p99s+=("$(field "$out.json" latencyP99Ms)")
        maxes+=("$(field "$out.json" latencyMaxMs)")
        checkpoints+=("$(field "$out.json" completedCheckpoints)")
        mems+=("$(cut -d' ' -f1 "$out.time")")
        count="$(field "$out.json" results)"
      done
      echo "| $label | $(thousands "$(printf '%s\n' "${rates[@]}" | median)") | $(thousands "$count") |" \
           "$(micros "$(printf '%s\n' "${p50s[@]}" | median)") | $(micros "$(printf '%s\n' "${p99s[@]}" | median)") |" \
           "$(printf '%s\n' "${maxes[@]}" | sort -g | tail -1 | xargs printf '%.2f') |" \
           "$(printf '%s\n' "${checkpoints[@]}" | median | xargs printf '%.0f') |" \
           "$(( $(printf '%s\n' "${mems[@]}" | sort -n | tail -1) / 1024 )) |"
      p99[$label]="$(printf '%s\n' "${p99s[@]}" | median)"
    done
    echo
    echo "Targets: q1's p99 under 1 ms without checkpoints (\`$full\`): $(below "${p99[$full]}" 1);" \
         "under 20 ms with checkpoints every $interval (\`$checkpointed\`): $(below "${p99[$checkpointed]}" 20)."
  fi
} >"$results"

echo "Wrote $results" >&2
