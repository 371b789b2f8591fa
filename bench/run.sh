#!/usr/bin/env bash
# Measures the sync REST exchange through the queue next to a baseline that answers without it,
# in one node, in one run, with wrk on loopback. Prints requests/s, p50/p99 and the ratio.
#
# Three paths to the same answer, in the same node:
#   http-only  GET /bench/baseline: a bare Vert.x route with a constant answer (the HTTP floor);
#   no-queue   GET /bench/inline/r1/PS/GOV/BENCH/provider/echo/v1: the whole exchange (ingress
#              checks, provider pipeline, connector, response) with the broker left out;
#   queued     GET /r1/PS/GOV/BENCH/provider/echo/v1: the real path, through Artemis.
# The ratio that matters is queued / no-queue: what the queue costs. queued / http-only is
# printed too.
#
#   bench/run.sh            # full: 30 s per measurement, 3 rounds
#   bench/run.sh --quick    # under a minute: 8 s per measurement, 2 rounds
#
# Options via environment: CONNECTIONS (default 32), NODE_OPTS (JVM options for the node).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=30s; rounds=3; warmup=10s
if [[ "${1:-}" == "--quick" ]]; then duration=8s; rounds=2; warmup=4s; fi
connections=${CONNECTIONS:-32}

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package) ..."
  (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }) \
    || { echo "bench needs wrk: apt-get install wrk" >&2; exit 1; }
fi
if [[ ! -f node/target/takamul-node.jar ]]; then
  mvn -q -B -DskipTests package
fi

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
soap=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java ${NODE_OPTS:--Xms512m -Xmx1g} -jar node/target/takamul-node.jar run \
  --set takamul.node.id=bench --set takamul.data.dir="$work/data" \
  --set takamul.catalogue.dir=bench/catalogue --set takamul.mediation.dir=bench/routes \
  --set takamul.http.port="$port" --set takamul.soap.port="$soap" \
  --set takamul.bench.inline-baseline=true >"$work/node.log" 2>&1 &
node_pid=$!
trap 'kill $node_pid 2>/dev/null; wait $node_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  grep -q "started:" "$work/node.log" && break
  kill -0 $node_pid 2>/dev/null || { cat "$work/node.log"; exit 1; }
  sleep 0.5
done

base="http://127.0.0.1:$port"
httponly="$base/bench/baseline"
inline="$base/bench/inline/r1/PS/GOV/BENCH/provider/echo/v1"
queued="$base/r1/PS/GOV/BENCH/provider/echo/v1"
client=(-H "X-Road-Client: PS/GOV/BENCH/client")

# wrk prints latency percentiles with --latency; take req/s, p50 and p99 (in ms).
measure() { # url, extra args...
  local url=$1; shift
  wrk -t1 -c"$connections" -d"$duration" --latency "$@" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF } END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }'
}

echo "warming up ($warmup each) ..."
wrk -t1 -c"$connections" -d"$warmup" "$httponly" >/dev/null
wrk -t1 -c"$connections" -d"$warmup" "${client[@]}" "$inline" >/dev/null
wrk -t1 -c"$connections" -d"$warmup" "${client[@]}" "$queued" >/dev/null

printf "\n%-10s %-6s %12s %10s %10s %8s\n" "path" "round" "requests/s" "p50 ms" "p99 ms" "non-2xx"
sum_h=0; sum_i=0; sum_q=0
row() { printf "%-10s %-6s %12s %10s %10s %8s\n" "$@"; }
for round in $(seq 1 "$rounds"); do
  read -r rps p50 p99 bad < <(measure "$httponly"); row http-only "$round" "$rps" "$p50" "$p99" "$bad"; sum_h=$((sum_h + rps))
  read -r rps p50 p99 bad < <(measure "$inline" "${client[@]}"); row no-queue "$round" "$rps" "$p50" "$p99" "$bad"; sum_i=$((sum_i + rps))
  read -r rps p50 p99 bad < <(measure "$queued" "${client[@]}"); row queued "$round" "$rps" "$p50" "$p99" "$bad"; sum_q=$((sum_q + rps))
done
awk -v h="$sum_h" -v i="$sum_i" -v q="$sum_q" -v r="$rounds" 'BEGIN {
  printf "\nmean requests/s: http-only %.0f, no-queue %.0f, queued %.0f\n", h/r, i/r, q/r
  printf "ratio queued / no-queue:  %.2f  (target >= 0.40)\n", q/i
  printf "ratio queued / http-only: %.2f\n", q/h }'
echo "node log: $(grep -c 'status=200' "$work/node.log" || true) exchanges logged"
