#!/usr/bin/env bash
# Measures the sync REST exchange through the queue next to the same exchange without it, in
# one node, in one run, with wrk on loopback. Prints requests/s, p50/p99 and the ratios.
#
#   bench/run.sh            # full: 20 s per measurement, 3 rounds (about 7 minutes)
#   bench/run.sh --quick    # about a minute: 6 s per measurement, 1 round
#
# The node runs the demo (the civil-registry example provider beside it) plus the bench's own
# catalogue and routes. Five paths, measured one after the other in the same node:
#   http-only        GET /bench/baseline: a bare Vert.x route with a constant answer (the HTTP floor)
#   echo no-queue    GET /bench/inline/r1/PS/GOV/BENCH/provider/echo/v1: the whole exchange (ingress
#                    checks, provider pipeline, connector, response) with the broker left out; the
#                    provider is a constant route of the node, so this is the bus alone
#   echo queued      GET /r1/PS/GOV/BENCH/provider/echo/v1: the same through Artemis
#   registry no-queue / registry queued
#                    GET .../PS/GOV/MOI/civil-registry/person-by-id/v1/{id}: the demo's real
#                    exchange (REST mediated to the legacy SOAP registry, JSON out), without and
#                    with the queue
#
# Options via environment: CONNECTIONS (default 32), NODE_OPTS (JVM options for the node).
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh

duration=20s; rounds=3; warmup=5s
if [[ "${1:-}" == "--quick" ]]; then duration=6s; rounds=1; warmup=2s; fi

bench_need_wrk
bench_build_jar

# The broker's own request-reply ceiling, with plain JMS: no HTTP, no Camel (bench/java).
bench_tempdir classes
javac -d "$classes" -cp "$bench_jar" bench/java/BrokerCeiling.java
bench_tempdir ceiling_dir
ceiling=$(java -Xms512m -Xmx1g -cp "$bench_jar:$classes" BrokerCeiling "$ceiling_dir" "$connections" \
  "${duration%s}" 2>/dev/null | tail -1)
rm -rf "$classes" "$ceiling_dir"

bench_tempdir work
port=$(free_port); soap=$(free_port); registry=$(free_port)
bench_start_node "$work/node.log" \
  --set takamul.node.id=bench --set takamul.data.dir="$work/data" \
  "${bench_catalogue[@]}" \
  --set takamul.http.port="$port" --set takamul.soap.port="$soap" \
  --set civil-registry.url="http://127.0.0.1:$registry/civil-registry" \
  --set takamul.bench.inline-baseline=true

# National IDs the demo printed; wrk asks for them in turn.
ids=$(grep -o 'national IDs \[[0-9, ]*\]' "$work/node.log" | grep -o '[0-9]\{9\}' | paste -sd, -)
cat >"$work/ids.lua" <<LUA
local ids = { ${ids} }
local i = 0
request = function()
  i = i % #ids + 1
  return wrk.format("GET", wrk.path .. ids[i])
end
LUA

base="http://127.0.0.1:$port"
declare -A url=(
  [http-only]="$base/bench/baseline"
  [echo-no-queue]="$base/bench/inline/r1/PS/GOV/BENCH/provider/echo/v1"
  [echo-queued]="$base/r1/PS/GOV/BENCH/provider/echo/v1"
  [reg-no-queue]="$base/bench/inline/r1/PS/GOV/MOI/civil-registry/person-by-id/v1/"
  [reg-queued]="$base/r1/PS/GOV/MOI/civil-registry/person-by-id/v1/"
)
wrk_args() { # path -> the client header and, for the registry, the script rotating national IDs
  case $1 in
    http-only) ;;
    echo-*) printf '%s\n' -H "X-Road-Client: PS/GOV/BENCH/client" ;;
    reg-*) printf '%s\n' -H "X-Road-Client: PS/GOV/MOH/health-records" -H "Takamul-Purpose: health-insurance" -s "$work/ids.lua" ;;
  esac
}
paths=(http-only echo-no-queue echo-queued reg-no-queue reg-queued)

# req/s, p50 and p99 (ms) and non-2xx.
measure() { # path, duration
  local extra=()
  mapfile -t extra < <(wrk_args "$1")
  bench_wrk "$2" "${url[$1]}" "${extra[@]}" | cut -d' ' -f1-4
}

echo "warming up ($warmup per path) ..."
for p in "${paths[@]}"; do measure "$p" "$warmup" >/dev/null; done

declare -A sum
printf "\n%-15s %-6s %12s %10s %10s %8s\n" "path" "round" "requests/s" "p50 ms" "p99 ms" "non-2xx"
for round in $(seq 1 "$rounds"); do
  for p in "${paths[@]}"; do
    read -r rps p50 p99 bad < <(measure "$p" "$duration")
    printf "%-15s %-6s %12s %10s %10s %8s\n" "$p" "$round" "$rps" "$p50" "$p99" "$bad"
    sum[$p]=$(( ${sum[$p]:-0} + rps ))
  done
done
awk -v h="${sum[http-only]}" -v ei="${sum[echo-no-queue]}" -v eq="${sum[echo-queued]}" \
    -v ri="${sum[reg-no-queue]}" -v rq="${sum[reg-queued]}" -v r="$rounds" \
    -v ceil="$ceiling" -v c="$connections" 'BEGIN {
  printf "\nmean requests/s: http-only %.0f | echo no-queue %.0f, queued %.0f | registry no-queue %.0f, queued %.0f\n", h/r, ei/r, eq/r, ri/r, rq/r
  printf "ratio queued / no-queue, civil-registry exchange: %.2f  (target >= 0.40)\n", rq/ri
  printf "ratio queued / no-queue, echo (bus alone):        %.2f\n", eq/ei
  printf "ratio echo queued / http-only:                     %.2f\n", eq/h
  printf "broker-only request-reply ceiling (plain JMS, %s clients): %.0f/s; echo queued reaches %.2f of it\n", c, ceil, eq/r/ceil }'
