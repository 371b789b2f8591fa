#!/usr/bin/env bash
# Measures the audited exchange next to the same exchange unaudited, in one node, in one run,
# with wrk on loopback. Both are the bench's record-open service (bench/routes/record.yaml: a
# 1.7 KiB civil-registry record, Arabic and English) through the queue (Artemis), with the same
# reader, provider route and writer:
#   audited     GET /r1/...: the exchange's record appended to the audit log, the answer sent
#               only once the record is durable (group commit)
#   unaudited   GET /bench/unaudited/r1/... (takamul.bench.unaudited-baseline): no record
# Prints requests/s, p50/p99, non-2xx, the node's CPU per answer and the machine's busy and iowait
# shares per round, the ratio audited / unaudited, and the records the node wrote, counted in its
# audit database once it has stopped, next to the audited responses wrk counted. The order of the
# two alternates per round.
#
#   bench/audit.sh                 # 10 s per measurement, 6 rounds (about 4 minutes with the warm-up):
#                                  # short rounds in alternating order, so that the machine's
#                                  # changes of speed (often 30 % within a minute) fall on both paths
#   bench/audit.sh --quick         # 6 s per measurement, 1 round
#   bench/audit.sh --postgresql    # the log in PostgreSQL: a new database on 127.0.0.1:5432
#                                  # (user postgres, trust auth), dropped at the end
#   bench/audit.sh --signed        # the secure profile's exchange on both paths: message signatures
#                                  # on (TLS off), each request signed by the client's member and
#                                  # each answer by the provider's, both verified; the load is
#                                  # bench/java/SignedLoad.java (wrk cannot sign), so no latencies
#
# Options via environment: WARMUP, DURATION and ROUNDS (the lengths above), CONNECTIONS (default 32), NODE_OPTS (JVM options for the node),
# TAKAMUL_JAR (see bench/lib.sh), PGHOST/PGPORT (default 127.0.0.1:5432), NODE_SETTINGS (more
# node settings, e.g. "--set takamul.audit.journal.sync-interval=2ms").
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

duration=10s; rounds=6; warmup=15s; turns=12; store=embedded; signed=false
for arg in "$@"; do
  case $arg in
    --quick) duration=6s; rounds=1; warmup=5s; turns=3 ;;
    --postgresql) store=postgresql ;;
    --signed) signed=true ;;
    *) echo "usage: bench/audit.sh [--quick] [--postgresql] [--signed]" >&2; exit 2 ;;
  esac
done
# Experiments may set their own lengths (e.g. WARMUP=20s DURATION=10s ROUNDS=1 TURNS=3).
duration=${DURATION:-$duration}; rounds=${ROUNDS:-$rounds}; warmup=${WARMUP:-$warmup}; turns=${TURNS:-$turns}

bench_need_wrk
bench_build_jar
bench_tempdir work

audit_settings=()
if [[ $store == postgresql ]]; then
  pg_host=${PGHOST:-127.0.0.1}; pg_port=${PGPORT:-5432}
  db="takamul_audit_bench_$$"
  pg() { psql -h "$pg_host" -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }
  pg -d postgres -c "CREATE DATABASE $db" \
    || { echo "cannot create a database on $pg_host:$pg_port as postgres" >&2; exit 1; }
  bench_on_exit "pg -d postgres -c 'DROP DATABASE IF EXISTS $db WITH (FORCE)'"
  audit_settings=(--set takamul.audit.store=postgresql
    --set takamul.audit.jdbc.url="jdbc:postgresql://$pg_host:$pg_port/$db"
    --set takamul.audit.jdbc.user=postgres)
  echo "audit log: PostgreSQL, database $db on $pg_host:$pg_port (dropped at the end)"
else
  echo "audit log: embedded H2 under the node's data directory"
fi

port=$(free_port)
bench_node_settings bench-audit "$work/data" "$port"
secure_settings=()
if $signed; then
  # The dev PKI is made at the first secure start, for the demo's members only: start once without
  # the bench catalogue to make it, then issue the bench member's signing key under its CA (one
  # password for the whole dev PKI), so the node can answer as PS/GOV/BENCH.
  secure_settings=(--secure --set takamul.tls.enabled=false --set takamul.signatures.on-behalf-of=)
  bench_start_node "$work/pki.log" "${bench_settings[@]}" "${secure_settings[@]}"
  bench_stop "$bench_node_pid"
  pki=$work/data/pki; bench_key=$pki/members/PS_GOV_BENCH
  pki_cli() { TAKAMUL_CA_PASSWORD=$(cat "$pki/password") TAKAMUL_KEY_PASSWORD=$(cat "$pki/password") \
    java -cp "$bench_jar" ps.takamul.security.cli.TakamulPki "$@" >/dev/null; }
  pki_cli key new --member PS/GOV/BENCH --profile member-signing --out "$bench_key"
  pki_cli ca issue --ca "$pki/ca" --csr "$bench_key/member-signing.csr.pem" --member PS/GOV/BENCH \
    --profile member-signing --validity-days=300 --out "$bench_key/chain.pem"
  pki_cli key import --cert "$bench_key/chain.pem" --keystore "$bench_key/member-signing.p12"
  keystores=$(ls "$pki"/members/*/member-signing.p12 | paste -sd, -)
  secure_settings+=(--set takamul.signing.keystores="$keystores")
  bench_tempdir classes
  javac -d "$classes" -cp "$bench_jar" bench/java/SignedLoad.java
  echo "exchange: signed by the client's member and the provider's, verified both ways (dev PKI, TLS off)"
fi
# shellcheck disable=SC2086 # NODE_SETTINGS holds several arguments
bench_start_node "$work/node.log" "${bench_settings[@]}" "${bench_catalogue[@]}" "${secure_settings[@]}" \
  --set takamul.bench.unaudited-baseline=true "${audit_settings[@]}" ${NODE_SETTINGS:-}
node=$bench_node_pid

service=PS/GOV/BENCH/provider/record-open/v1
declare -A url=([audited]="http://127.0.0.1:$port/r1/$service/848991048"
                [unaudited]="http://127.0.0.1:$port/bench/unaudited/r1/$service/848991048")
headers=(-H "X-Road-Client: PS/GOV/BENCH/client")

# One load of a path: wrk, or SignedLoad with --signed. Prints what bench_wrk prints (requests/s,
# p50, p99, non-2xx, socket errors, answers); SignedLoad measures no latencies (0) and counts a
# refused or unverifiable answer as non-2xx.
load() { # path, duration
  if ! $signed; then bench_wrk "$2" "${url[$1]}" "${headers[@]}"; return; fi
  local rps failed n
  read -r rps failed n < <(java -cp "$bench_jar:$classes" SignedLoad "${url[$1]%848991048}" PS/GOV/BENCH/client \
    848991048 "$connections" "${2%s}" "$bench_key/member-signing.p12" "$(cat "$pki/password")")
  echo "$rps 0 0 $failed 0 $n"
}

# One request of each, shown, so the reader sees what is measured; both must answer 200.
declare -A answered=([audited]=0 [unaudited]=0)
for p in audited unaudited; do
  if $signed; then continue; fi # unsigned, curl would be refused: the warm-up checks the signed answers
  shown=$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' "${headers[@]}" "${url[$p]}")
  echo "--- $p: $shown"
  [[ $shown == 200,* ]] || { echo "FAILED: $p answered $shown; the end of the node's log:" >&2; tail -30 "$work/node.log" >&2; exit 1; }
  answered[$p]=1
done

others=$(pgrep -fc '[m]aven|[s]urefire' || true)
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), Maven or test JVMs running: $others"

failures=0; measured=0; disturbed=0
measure() { # path, duration -> req/s p50 p99 non-2xx socket-errors responses node-CPU-µs-per-response busy% iowait%
  local line
  # Other builds on the machine take CPU from the node: count the measurements they overlapped.
  measured=$(( measured + 1 ))
  if pgrep -f '[m]aven|[s]urefire' >/dev/null; then disturbed=$(( disturbed + 1 )); fi
  local cpu0 cpu1 machine0 machine1
  cpu0=$(bench_cpu_ms "$node"); machine0=$(bench_machine_ticks)
  line=$(load "$1" "$2")
  cpu1=$(bench_cpu_ms "$node"); machine1=$(bench_machine_ticks)
  read -r _ _ _ bad errors n <<<"$line"
  # The node's CPU time per answer: less noisy than requests/s when the machine is shared. The
  # machine's busy share tells a path that spends more CPU from one that leaves the CPUs idle.
  line="$line $(( (cpu1 - cpu0) * 1000 / (n > 0 ? n : 1) )) $(bench_machine_shares "$machine0" "$machine1")"
  answered[$1]=$(( ${answered[$1]} + n ))
  if (( bad > 0 || errors > 0 )); then
    echo "FAILED: $1 had $bad non-2xx answers and $errors socket errors in $2" >&2
    failures=$(( failures + 1 ))
  fi
  echo "$line"
}

# Warm-up: both paths in turn until the JIT has finished with them. On a small machine C2 goes on
# compiling the node's code for minutes; measured then, the path with more code pays for it.
echo "warming up ($warmup per path and turn, until the JIT compilers use under 5% of the node's CPU; at most $turns turns) ..."
for turn in $(seq 1 "$turns"); do
  jit0=$(bench_jit_ms "$node"); cpu0=$(bench_cpu_ms "$node")
  for p in audited unaudited; do measure "$p" "$warmup" >/dev/null; done
  jit=$(( $(bench_jit_ms "$node") - jit0 )); cpu=$(( $(bench_cpu_ms "$node") - cpu0 ))
  echo "  turn $turn: JIT $(( jit * 100 / (cpu > 0 ? cpu : 1) ))% of the node's CPU"
  (( turn >= 2 && jit * 20 < cpu )) && break
done

declare -A sum p50sum cpusum busysum iowaitsum
printf "\n%-10s %-6s %12s %10s %10s %8s %14s %7s %9s\n" "path" "round" "requests/s" "p50 ms" "p99 ms" "non-2xx" "node CPU µs/req" "busy %" "iowait %"
for round in $(seq 1 "$rounds"); do
  order=(audited unaudited)
  if (( round % 2 == 0 )); then order=(unaudited audited); fi
  for p in "${order[@]}"; do
    # measure runs here, not in a subshell, so its counts of answers and failures stay
    measure "$p" "$duration" >"$work/line"
    read -r rps p50 p99 bad errors _ cpu busy iowait <"$work/line"
    printf "%-10s %-6s %12s %10s %10s %8s %14s %7s %9s\n" "$p" "$round" "$rps" "$p50" "$p99" "$bad" "$cpu" "$busy" "$iowait"
    (( errors == 0 )) || echo "           (and $errors socket errors)"
    sum[$p]=$(( ${sum[$p]:-0} + rps ))
    cpusum[$p]=$(( ${cpusum[$p]:-0} + cpu ))
    busysum[$p]=$(( ${busysum[$p]:-0} + busy ))
    iowaitsum[$p]=$(( ${iowaitsum[$p]:-0} + iowait ))
    p50sum[$p]=$(awk -v a="${p50sum[$p]:-0}" -v b="$p50" 'BEGIN { print a + b }')
  done
done
awk -v a="${sum[audited]}" -v u="${sum[unaudited]}" -v pa="${p50sum[audited]}" -v pu="${p50sum[unaudited]}" \
    -v ca="${cpusum[audited]}" -v cu="${cpusum[unaudited]}" -v ba="${busysum[audited]}" -v bu="${busysum[unaudited]}" \
    -v wa="${iowaitsum[audited]}" -v wu="${iowaitsum[unaudited]}" \
    -v r="$rounds" 'BEGIN {
  printf "\nmean requests/s: audited %.0f, unaudited %.0f; mean p50: audited %.2f ms, unaudited %.2f ms\n", a/r, u/r, pa/r, pu/r
  printf "node CPU per answer: audited %.0f µs, unaudited %.0f µs (%.2f)\n", ca/r, cu/r, cu/ca
  printf "machine busy: audited %.0f %% (iowait %.0f %%), unaudited %.0f %% (iowait %.0f %%)\n", ba/r, wa/r, bu/r, wu/r
  printf "ratio audited / unaudited: %.2f  (target >= 0.80: the audit log costs at most 20%%) %s\n", a/u,
    (a/u >= 0.80 ? "met" : "NOT MET") }'
echo "measurements (warm-ups included) that began with Maven or test JVMs running: $disturbed of $measured"

# The records, counted in the store once the node has stopped and closed it: one per audited
# answer, none for the unaudited ones. wrk counts only answers that arrived before it stopped,
# so up to one more per connection and wrk run may be on record (its answer went unread).
bench_stop "$node"
count_sql="SELECT COUNT(*) FROM audit_record WHERE kind = 'EXCHANGE' AND service = '$service';
SELECT COUNT(*) FROM audit_record;
SELECT COUNT(DISTINCT appended_at) FROM audit_record"
if [[ $store == postgresql ]]; then
  mapfile -t counts < <(pg -d "$db" -c "${count_sql//$'\n'/ }" | grep -E '^[0-9]+$')
else
  # The node jar has H2's shell and the log's append-only trigger class the database names.
  mapfile -t counts < <(java -cp "$bench_jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/audit/log" \
    -user sa -sql "${count_sql//$'\n'/ }" | grep -E '^[0-9]+$')
fi
(( ${#counts[@]} == 3 )) || { echo "FAILED: could not count the audit records" >&2; exit 1; }
records=${counts[0]}; total=${counts[1]}; commits=${counts[2]}
runs=$(( turn + rounds ))  # audited wrk runs: one per warm-up turn and one per round
slack=$(( runs * connections ))
echo
echo "audit records of $service: $records (all records in the log: $total)"
if [[ $store == postgresql ]]; then
  # A batch's records share its commit time (RecordWriter), so distinct times count the commits.
  awk -v t="$total" -v c="$commits" 'BEGIN { printf "group commits: %d, %.1f records per commit\n", c, t / c }'
fi
# The embedded store stamps each record as it enters the journal, whose timed buffer groups the
# syncs out of sight: its records' times count nothing.
echo "audited answers counted by the load client (wrk or SignedLoad) and curl: ${answered[audited]}; unaudited: ${answered[unaudited]}"
if (( records < answered[audited] || records > answered[audited] + slack )); then
  echo "FAILED: expected between ${answered[audited]} and $(( answered[audited] + slack )) records" \
    "(one per audited answer, none for the unaudited ones)" >&2
  exit 1
fi
echo "one record per audited answer, none for the unaudited ones: ok" \
  "($(( records - answered[audited] )) more on record than the client read, of at most $slack in flight when it stopped)"
if (( failures > 0 )); then
  echo "FAILED: $failures measurement(s) had non-2xx answers or socket errors (above)" >&2
  exit 1
fi
