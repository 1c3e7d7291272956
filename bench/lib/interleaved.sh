# Shared by bench/exchange-sweep.sh and bench/runtime-settings.sh (source it): runs Nexmark queries under several
# configurations, alternating between them so that a drift in the machine's speed hits all, and tabulates the medians.
# The caller sets host, events, parallelism, repeat, queries and the array `entries`, each "name|environment|options":
# environment variables (VAR=value ...) and bench nexmark options for that configuration, either may be empty. An empty
# parallelism leaves --parallelism to the entries' options.

# shellcheck source=bench/lib/median.sh
. "$(dirname "${BASH_SOURCE[0]}")/median.sh"

# Runs every query under every entry, REPEAT rounds, into WORK/<query>-<entry>-<round>.json, .mem (peak KiB) and .err
# (the run's stderr: its log when an entry asks for one).
interleaved_runs() {
  local work="$1" round query i name vars options json
  for round in $(seq 1 "$repeat"); do
    for query in $queries; do
      for i in "${!entries[@]}"; do
        IFS='|' read -r name vars options <<<"${entries[$i]}"
        json="$work/$query-$i-$round.json"
        # shellcheck disable=SC2086 # the variables and options are words
        env $vars /usr/bin/time -f '%M' -o "$work/$query-$i-$round.mem" \
          "$host" bench nexmark --query "$query" --events "$events" ${parallelism:+--parallelism "$parallelism"} $options --json "$json" \
          >/dev/null 2>"$work/$query-$i-$round.err" || { cat "$work/$query-$i-$round.err" >&2; exit 1; }
        echo "$query $name round $round: $(grep -o '"eventsPerSecond":[0-9.]*' "$json" | cut -d: -f2) events/s" >&2
      done
    done
  done
}

# The machine line: cores, memory, SDK, the load average before (LOAD_BEFORE) and now.
interleaved_machine() {
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(dotnet --version) SDK;" \
       "load average before: $1, after: $(cut -d' ' -f1-3 /proc/loadavg)."
}

# The table of WORK's runs: per query and entry the median events/s, its ratio to the first entry, each run, the median
# peak MiB. COLUMN names the entries' column.
interleaved_table() {
  local work="$1" column="$2" query i base runs med mem
  echo "| query | $column | median events/s | ratio to the first | runs (events/s) | median peak MiB |"
  echo "|---|---|---:|---:|---|---:|"
  for query in $queries; do
    base=""
    for i in "${!entries[@]}"; do
      runs="$(for r in $(seq 1 "$repeat"); do grep -o '"eventsPerSecond":[0-9.]*' "$work/$query-$i-$r.json" | cut -d: -f2; done)"
      med="$(echo "$runs" | median)"
      mem="$(for r in $(seq 1 "$repeat"); do cat "$work/$query-$i-$r.mem"; done | median)"
      [ -n "$base" ] || base="$med"
      printf '| %s | %s | %.0f | %.2f | %s | %.0f |\n' "$query" "${entries[$i]%%|*}" "$med" "$(echo "$med / $base" | bc -l)" \
        "$(echo "$runs" | awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 }')" "$(echo "$mem / 1024" | bc -l)"
    done
  done
}
