#!/usr/bin/env bash
# Measures the policy-enforced exchange next to the unenforced one, in one node, in one run, with
# wrk on loopback: the same provider answer (bench/routes/record.yaml, a 1.7 KiB civil-registry
# record with addresses and family, Arabic and English) through two services that differ only in
# their agreement (bench/agreements/bench.yaml):
#   open       no response fields, no purpose, no limits: the agreement is looked up, nothing more
#   enforced   a purpose checked, a rate limit and a quota counted (never reached), and the answer
#              reduced to 9 fields, nested arrays included
# Both go through the queue (Artemis), as real exchanges do. Prints requests/s, p50/p99 per
# round and the ratio enforced / open; the order of the two alternates per round.
#
#   bench/agreements.sh            # 20 s per measurement, 3 rounds (about 3 minutes)
#   bench/agreements.sh --quick    # 6 s per measurement, 1 round
#
# Options via environment: CONNECTIONS (default 32), NODE_OPTS (JVM options for the node).
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh

duration=20s; rounds=3; warmup=10s
if [[ "${1:-}" == "--quick" ]]; then duration=6s; rounds=1; warmup=3s; fi

bench_need_wrk
bench_build_jar
bench_tempdir work
port=$(free_port)
bench_node_settings bench-agreements "$work/data" "$port"
bench_start_node "$work/node.log" "${bench_settings[@]}" "${bench_catalogue[@]}"

base="http://127.0.0.1:$port/r1/PS/GOV/BENCH/provider"
declare -A url=([open]="$base/record-open/v1/848991048" [enforced]="$base/record-enforced/v1/848991048")

# One request of each, shown, so the reader sees what is measured.
for p in open enforced; do
  echo "--- $p: $(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' \
    -H 'X-Road-Client: PS/GOV/BENCH/client' -H 'Takamul-Purpose: social-aid' "${url[$p]}")"
done

measure() { # path, duration -> req/s p50 p99 non-2xx
  bench_wrk "$2" "${url[$1]}" -H "X-Road-Client: PS/GOV/BENCH/client" -H "Takamul-Purpose: social-aid" | cut -d' ' -f1-4
}

echo "warming up ($warmup per path) ..."
for p in open enforced open enforced; do measure "$p" "$warmup" >/dev/null; done

declare -A sum
printf "\n%-10s %-6s %12s %10s %10s %8s\n" "path" "round" "requests/s" "p50 ms" "p99 ms" "non-2xx"
for round in $(seq 1 "$rounds"); do
  order=(open enforced)
  if (( round % 2 == 0 )); then order=(enforced open); fi
  for p in "${order[@]}"; do
    read -r rps p50 p99 bad < <(measure "$p" "$duration")
    printf "%-10s %-6s %12s %10s %10s %8s\n" "$p" "$round" "$rps" "$p50" "$p99" "$bad"
    sum[$p]=$(( ${sum[$p]:-0} + rps ))
  done
done
awk -v o="${sum[open]}" -v e="${sum[enforced]}" -v r="$rounds" 'BEGIN {
  printf "\nmean requests/s: open %.0f, enforced %.0f\n", o/r, e/r
  printf "ratio enforced / open: %.2f  (target >= 0.90: the policy costs at most 10%%)\n", e/o }'
