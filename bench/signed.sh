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

duration=20; rounds=3; warmup=5
if [[ "${1:-}" == "--quick" ]]; then duration=6; rounds=1; warmup=3; fi
connections=${CONNECTIONS:-32}
if [[ ! -f node/target/takamul-node.jar ]]; then
  mvn -q -B -DskipTests package
fi
classes=$(mktemp -d)
javac -d "$classes" -cp node/target/takamul-node.jar bench/java/SignedLoad.java

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d)
pids=()
# set -e would end the trap at the first node's exit status (143), leaving the others running
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; wait $p 2>/dev/null || true; done; rm -rf "$work" "$classes"' EXIT

declare -A port
start_node() { # name, extra arguments...; sets port[name]
  local name=$1; shift
  port[$name]=$(free_port)
  mkdir -p "$work/$name"
  java ${NODE_OPTS:--Xms512m -Xmx1g} -jar node/target/takamul-node.jar demo "$@" \
    --set takamul.node.id="bench-$name" --set takamul.data.dir="$work/$name/data" \
    --set takamul.http.port="${port[$name]}" --set takamul.soap.port="$(free_port)" \
    --set civil-registry.url="http://127.0.0.1:$(free_port)/civil-registry" \
    --set billing.url="http://127.0.0.1:$(free_port)" >"$work/$name/node.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    grep -qs "Stop with Ctrl-C" "$work/$name/node.log" && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$name/node.log"; exit 1; }
    sleep 0.5
  done
}
start_node unsigned
start_node signed --secure --set takamul.tls.enabled=false --set takamul.signatures.on-behalf-of=
ids=$(grep -o 'national IDs \[[0-9, ]*\]' "$work/unsigned/node.log" | grep -o '[0-9]\{9\}' | paste -sd, -)
pki="$work/signed/data/pki"
path=/r1/PS/GOV/MOI/civil-registry/person-by-id/v1/

load() { # node, seconds
  local cp="node/target/takamul-node.jar:$classes"
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
    read -r rps failures < <(load "$n" "$duration")
    printf "%-10s %-6s %12s %9s\n" "$n" "$round" "$rps" "$failures"
    sum[$n]=$(( ${sum[$n]:-0} + rps ))
  done
done
awk -v u="${sum[unsigned]}" -v s="${sum[signed]}" -v r="$rounds" 'BEGIN {
  printf "\nmean requests/s: unsigned %.0f, signed and verified both ways %.0f\n", u/r, s/r
  printf "ratio signed / unsigned, civil-registry exchange: %.2f  (target >= 0.50)\n", s/u }'
