#!/usr/bin/env bash
# Measures the sync REST exchange signed and verified in both directions next to the same
# exchange unsigned, in one run: two demo nodes side by side, one with message signatures off,
# one on (plain HTTP for both, so only the signatures differ), loaded in turn by the same Java
# client (bench/java/SignedLoad.java). Signed, the client signs every request with the Ministry
# of Health's member key and verifies every answer's signature; the node verifies the request
# (signer certificate validated, cached), spends its message id in the replay journal, and signs
# the answer as the Interior. Prints requests/s per round and the ratio signed / unsigned.
#
#   bench/signed.sh            # 20 s per measurement, 3 rounds (about 3 minutes)
#   bench/signed.sh --quick    # 6 s per measurement, 1 round
#
# Options via environment: CONNECTIONS (default 32), NODE_OPTS (JVM options for the nodes).
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh

duration=20; rounds=3; warmup=5
if [[ "${1:-}" == "--quick" ]]; then duration=6; rounds=1; warmup=3; fi
bench_build_jar
bench_tempdir classes
javac -d "$classes" -cp "$bench_jar" bench/java/SignedLoad.java

bench_tempdir work
declare -A port
start_node() { # name, extra arguments...; sets port[name]
  local name=$1; shift
  port[$name]=$(free_port)
  mkdir -p "$work/$name"
  bench_node_settings "bench-$name" "$work/$name/data" "${port[$name]}"
  bench_start_node "$work/$name/node.log" "$@" "${bench_settings[@]}"
}
start_node unsigned
start_node signed --secure --set takamul.tls.enabled=false --set takamul.signatures.on-behalf-of=
ids=$(grep -o 'national IDs \[[0-9, ]*\]' "$work/unsigned/node.log" | grep -o '[0-9]\{9\}' | paste -sd, -)
pki="$work/signed/data/pki"
path=/r1/PS/GOV/MOI/civil-registry/person-by-id/v1/

load() { # node, seconds
  local cp="$bench_jar:$classes"
  if [[ $1 == signed ]]; then
    java -cp "$cp" SignedLoad "http://127.0.0.1:${port[signed]}$path" PS/GOV/MOH/health-records "$ids" "$connections" "$2" \
      "$pki/members/PS_GOV_MOH/member-signing.p12" "$(cat "$pki/password")"
  else
    java -cp "$cp" SignedLoad "http://127.0.0.1:${port[unsigned]}$path" PS/GOV/MOH/health-records "$ids" "$connections" "$2"
  fi
}

echo "warming up (${warmup}s each) ..."
load unsigned "$warmup" >/dev/null; load signed "$warmup" >/dev/null

declare -A sum
printf "\n%-10s %-6s %12s %9s\n" "exchange" "round" "requests/s" "failures"
for round in $(seq 1 "$rounds"); do
  # alternate the order so neither side always runs on the more warmed-up JVMs
  order=(unsigned signed); (( round % 2 == 0 )) && order=(signed unsigned)
  for n in "${order[@]}"; do
    read -r rps failures _ < <(load "$n" "$duration")
    printf "%-10s %-6s %12s %9s\n" "$n" "$round" "$rps" "$failures"
    sum[$n]=$(( ${sum[$n]:-0} + rps ))
  done
done
awk -v u="${sum[unsigned]}" -v s="${sum[signed]}" -v r="$rounds" 'BEGIN {
  printf "\nmean requests/s: unsigned %.0f, signed and verified both ways %.0f\n", u/r, s/r
  printf "ratio signed / unsigned, civil-registry exchange: %.2f  (target >= 0.50)\n", s/u }'
