#!/usr/bin/env bash
# The flagship pipeline on this machine: a development Kafka (`actorstream dev kafka`, nothing to
# install), MariaDB (scripts/mariadb.sh installs and starts it), the click producer and the
# amazon-etl job, all local; prints the busiest items of the latest windows as item_window_stats
# fills up (first rows after about 15 s: a 10 s window plus the 2 s out-of-orderness).
#
# Usage: bash scripts/etl-pipeline.sh [SECONDS]    default 60; Ctrl+C stops it earlier.
# Everything it starts stops with it. KAFKA_PORT (default 9092) and ACTORSTREAM_MARIADB_PORT
# (default 3307) choose the ports; the MariaDB server stays up for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
kafka_port="${KAFKA_PORT:-9092}"
db_port="${ACTORSTREAM_MARIADB_PORT:-3307}"
export PATH="$PATH:/usr/sbin:/usr/local/sbin"

echo "Building..." >&2
dotnet build src/Host -c Release -v q -nologo >/dev/null
bin="$PWD/src/Host/bin/Release/net10.0/actorstream"
connection="$(bash scripts/mariadb.sh)"
work="$(mktemp -d)"
pids=()
cleanup() {
  # The job first, then the producer, then Kafka: nothing complains about a broker that went away.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; sleep 0.5; done
  wait 2>/dev/null || true
  echo "Stopped. Logs were in $work (kafka.log, producer.log, etl.log)." >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

query() {
  mariadb -h 127.0.0.1 -P "$db_port" -u actorstream -pactorstream actorstream_test --table -e "$1" 2>/dev/null || true
}
# A fresh start: the tables of an earlier run go (the job creates them again).
query "DROP TABLE IF EXISTS item_window_stats, item_window_stats_late, item_window_stats_errors"

"$bin" dev kafka --port "$kafka_port" --topic clicks:3 >"$work/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do grep -q "Kafka (development) on" "$work/kafka.log" && break; sleep 0.2; done
grep -q "Kafka (development) on" "$work/kafka.log" || { cat "$work/kafka.log" >&2; exit 1; }
head -1 "$work/kafka.log" >&2

"$bin" produce clicks --bootstrap-servers "127.0.0.1:$kafka_port" --topic clicks --rate 300 --count 0 >"$work/producer.log" 2>&1 &
pids+=($!)
"$bin" run amazon-etl --bootstrap-servers "127.0.0.1:$kafka_port" --topic clicks --mysql "$connection" \
  --checkpoint-interval 1s --state-db "$work/state.db" >"$work/etl.log" 2>&1 &
pids+=($!)
echo "Producing 300 clicks/s into topic 'clicks'; amazon-etl upserts window totals into item_window_stats ($connection)." >&2

end=$((SECONDS + seconds))
while [ "$SECONDS" -lt "$end" ]; do
  sleep 5
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A process ended early; its log:" >&2; tail -20 "$work"/*.log >&2; exit 1; }
  done
  echo "--- after $((seconds - end + SECONDS)) s: busiest items of the latest windows"
  query "SELECT item, FROM_UNIXTIME(window_start / 1000) AS window_start, clicks, carts, buys, revenue
         FROM item_window_stats WHERE window_start >= (SELECT MAX(window_start) - 10000 FROM item_window_stats)
         ORDER BY window_start DESC, clicks DESC LIMIT 8;
         SELECT (SELECT COUNT(*) FROM item_window_stats) AS window_rows, (SELECT COUNT(*) FROM item_window_stats_late) AS late_events,
                (SELECT COUNT(*) FROM item_window_stats_errors) AS malformed_lines;"
done
