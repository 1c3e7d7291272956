#!/usr/bin/env bash
# Measures the remote exchange on long runs and writes bench/results/two-nodes-<date>.md: per query the job at the same
# parallelism in one node process and spread over two node processes on loopback (`--nodes 2`: every keyed exchange
# crosses Akka.Remote), alternating run by run, with the median events/s, each run, the ratio two nodes / one node and
# the peak memory of the bench process. Long runs by default: each node process runs its own tiered JIT, which in a run
# of a few seconds is a large part of the second process's work (bench/README.md, "Two nodes"); a job runs for hours.
#
#   bench/two-nodes.sh                                  # q0 q5, 50,000,000 events, parallelism 2, 3 repeats
#   EVENTS=10000000 REPEAT=1 QUERIES="q5" RESULTS=/tmp/nodes.md bench/two-nodes.sh
#
# Needs the .NET SDK and GNU time (/usr/bin/time) for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/interleaved.sh
. bench/lib/interleaved.sh

events="${EVENTS:-50000000}"
repeat="${REPEAT:-3}"
parallelism="${PARALLELISM:-2}"
queries="${QUERIES:-q0 q5}"
date="$(date -u +%Y-%m-%d)"
results="${RESULTS:-bench/results/two-nodes-${date}.md}"
host="src/Host/bin/Release/net10.0/actorstream"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
[ -x /usr/bin/time ] || { echo "error: GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 1; }

[ -n "${SKIP_BUILD:-}" ] || dotnet build src/Host -c Release -v q -nologo >/dev/null

# name|environment|options (see bench/lib/interleaved.sh); one node first, as the base of the ratios.
entries=("one node||" "two nodes||--nodes 2")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
interleaved_runs "$work"
{
  echo "# Two nodes against one on Nexmark, $date"
  echo
  interleaved_machine "$load_before"
  echo "Command per run: \`$host bench nexmark --query Q --events $events --parallelism $parallelism [--nodes 2] --json F\`," \
       "$repeat repeats, one node and two nodes alternating. events/s is the job's (without the nodes' start and stop); the" \
       "peak memory is the bench process's (with two nodes, the child node's is not counted). The target (issue 14): two nodes" \
       "reach at least 0.80 of one node on q0 and q5."
  echo
  interleaved_table "$work" configuration
} > "$results"
echo "wrote $results" >&2
