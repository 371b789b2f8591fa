# The parts every benchmark script shares; sourced (never run) from the repository's root by
# bench/*.sh after `cd "$(dirname "$0")/.."`. Sourcing it sets an EXIT trap that stops the nodes
# the script started and runs its clean-up steps (bench_on_exit), last registered first, so a
# script ended by Ctrl-C, by a failure or normally leaves nothing behind.
#
# Environment: CONNECTIONS (default 32), NODE_OPTS (the nodes' JVM options, default
# -Xms512m -Xmx1g), TAKAMUL_JAR (a node jar to use as it is; default node/target/takamul-node.jar,
# built when missing or older than the sources).

connections=${CONNECTIONS:-32}
bench_jar=${TAKAMUL_JAR:-node/target/takamul-node.jar}
bench_pids=()
bench_cleanups=()

# Runs a shell command when the script ends, before those registered earlier.
bench_on_exit() {
  bench_cleanups+=("$1")
}

bench_cleanup() {
  # Every step runs whatever the others did: set -e would end the trap at the first node's exit
  # status (143), leaving the rest running.
  local pid i
  for pid in "${bench_pids[@]}"; do
    bench_stop "$pid" || true
  done
  for (( i = ${#bench_cleanups[@]} - 1; i >= 0; i-- )); do
    eval "${bench_cleanups[i]}" || true
  done
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_need_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package) ..."
    (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }) \
      || { echo "bench needs wrk: apt-get install wrk" >&2; exit 1; }
  fi
}

# Builds the node jar when it is missing or older than any module's main sources or POM. Other
# builds may run in the same tree: Maven runs under the shared lock, one build at a time, and
# compiles no tests (theirs may be half-written).
bench_build_jar() {
  if [[ -n ${TAKAMUL_JAR:-} ]]; then
    [[ -f $bench_jar ]] || { echo "TAKAMUL_JAR=$bench_jar: no such file" >&2; exit 1; }
    return
  fi
  if [[ -f $bench_jar ]] \
      && [[ -z $(find pom.xml ./*/pom.xml ./*/src/main -newer "$bench_jar" -type f -print -quit 2>/dev/null) ]]; then
    return
  fi
  echo "building $bench_jar (after any other Maven build: /tmp/takamul-mvn.lock) ..."
  flock /tmp/takamul-mvn.lock mvn -o -q -B -Dstyle.color=never -Dmaven.test.skip=true package \
    || { echo "the node jar did not build (offline; if an artifact is missing, run Maven once without -o)" >&2; exit 1; }
}

# Sets the variable named $1 to a new temporary directory, removed when the script ends.
bench_tempdir() {
  local dir
  dir=$(mktemp -d)
  bench_on_exit "rm -rf '$dir'"
  printf -v "$1" '%s' "$dir"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The bench's own catalogue, agreements and mediation routes, beside the demo's.
bench_catalogue=(--set takamul.catalogue.dir=config/catalogue,bench/catalogue
  --set takamul.agreements.dir=config/agreements,bench/agreements
  --set takamul.mediation.dir=routes/mediation,bench/routes)

# Sets bench_settings to what every bench node takes: its id, data directory and HTTP port, and
# free ports for its SOAP listener and the demo's example providers.
bench_node_settings() { # id, data directory, HTTP port
  bench_settings=(--set takamul.node.id="$1" --set takamul.data.dir="$2"
    --set takamul.http.port="$3" --set takamul.soap.port="$(free_port)"
    --set civil-registry.url="http://127.0.0.1:$(free_port)/civil-registry"
    --set billing.url="http://127.0.0.1:$(free_port)")
}

# Starts `takamul-node.jar demo ARGS...` with its output in LOG and waits until it serves; sets
# bench_node_pid. A node that stops or is not serving within two minutes ends the script.
bench_start_node() { # log, arguments after "demo"...
  local log=$1; shift
  : >"$log"
  # shellcheck disable=SC2086 # NODE_OPTS holds several JVM options
  java ${NODE_OPTS:--Xms512m -Xmx1g} -jar "$bench_jar" demo "$@" >"$log" 2>&1 &
  bench_node_pid=$!
  bench_pids+=("$bench_node_pid")
  for _ in $(seq 1 240); do
    grep -qs "Stop with Ctrl-C" "$log" && return 0
    kill -0 "$bench_node_pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
  done
  echo "the node did not start within two minutes; the end of its log:" >&2
  tail -40 "$log" >&2
  exit 1
}

# Stops a node the script started and waits for it to end (it closes its stores on the way);
# one still running after 30 s is killed.
bench_stop() { # pid
  local i
  for i in "${!bench_pids[@]}"; do
    [[ ${bench_pids[i]} == "$1" ]] && unset 'bench_pids[i]'
  done
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 60); do
    kill -0 "$1" 2>/dev/null || { wait "$1" 2>/dev/null || true; return 0; }
    sleep 0.5
  done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# One wrk measurement on CONNECTIONS connections, one thread, with latency percentiles. Prints
# one line: requests/s, p50 ms, p99 ms, non-2xx responses, socket errors (connect, read, write,
# timeout), responses counted.
# The CPU time a process has used so far, user and system, in milliseconds.
bench_cpu_ms() { # pid
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"
}

# The machine's CPU ticks so far, all CPUs: "busy iowait total". Idle and iowait are not busy;
# iowait is idle time while some thread waits for the disk (the audit journal's syncs).
bench_machine_ticks() {
  awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, $6, t; exit }' /proc/stat
}

# "busy iowait" shares, in percent, between two readings of bench_machine_ticks.
bench_machine_shares() { # "busy0 iowait0 total0", "busy1 iowait1 total1"
  local b0 w0 t0 b1 w1 t1 t
  read -r b0 w0 t0 <<<"$1"; read -r b1 w1 t1 <<<"$2"
  t=$(( t1 > t0 ? t1 - t0 : 1 ))
  echo "$(( (b1 - b0) * 100 / t )) $(( (w1 - w0) * 100 / t ))"
}

# The CPU time the JIT compiler threads of a JVM have used so far, in milliseconds.
bench_jit_ms() { # pid
  local t total=0 hz
  hz=$(getconf CLK_TCK)
  for t in /proc/"$1"/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == C[12]\ CompilerThre* ]] || continue
    total=$(( total + $(cut -d')' -f2 "$t/stat" | awk '{ print $12 + $13 }') ))
  done
  echo $(( total * 1000 / hz ))
}

bench_wrk() { # duration, url, more wrk arguments...
  local duration=$1 url=$2; shift 2
  wrk -t1 -c"$connections" -d"$duration" --latency "$@" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    / requests in / { n = $1 }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d %d %d\n", rps, p50, p99, bad, errors, n }'
}
