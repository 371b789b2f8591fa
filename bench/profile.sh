#!/usr/bin/env bash
# Where the audited exchange's extra CPU goes: starts a bench node as bench/audit.sh does, warms
# both paths up, then measures each for DURATION and prints, per node thread (digits in names
# collapsed), the CPU it used and the times it was switched out (went to sleep, or was
# preempted) per answer, read from /proc. With --stacks it also records each
# measurement with async-profiler (fetched from Maven Central into ~/.m2) as collapsed stacks:
# one line per stack, the thread first, for grep and flame-graph tools. With --alloc the stacks
# are where memory is allocated instead, weighed in bytes, and it prints the bytes allocated per
# answer: allocation drives young collections and evicts caches, so it is a cost beside the CPU.
#
#   bench/profile.sh               # 5 warm-up turns of 15 s per path, 20 s per measurement
#   bench/profile.sh --stacks      # and OUT/audited.collapsed, OUT/unaudited.collapsed
#   bench/profile.sh --alloc       # the same files, of allocations in bytes
#
# Environment: TURNS (5), DURATION (20s), OUT (where --stacks and --alloc write; default a new directory
# under /tmp, printed), ASYNC_PROFILER (4.1), and NODE_OPTS, NODE_SETTINGS, CONNECTIONS as for
# bench/audit.sh. With --stacks the profiler samples with itimer, which needs no perf_event permissions; its
# samples are a share of the CPU, so compare the two files by proportion, not by count.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

stacks=false; event=itimer; weigh=
for arg in "$@"; do
  case $arg in
    --stacks) stacks=true ;;
    --alloc) stacks=true; event=alloc; weigh=,total ;;
    *) echo "usage: bench/profile.sh [--stacks | --alloc]" >&2; exit 2 ;;
  esac
done
turns=${TURNS:-5}; duration=${DURATION:-20s}

bench_need_wrk
bench_build_jar
bench_tempdir work

if $stacks; then
  version=${ASYNC_PROFILER:-4.1}
  jar=~/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar
  [[ -f $jar ]] || mvn -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$version" >/dev/null \
    || { echo "cannot fetch tools.profiler:async-profiler:$version from Maven Central" >&2; exit 1; }
  unzip -q -o "$jar" 'linux-x64/*' -d "$work/ap"
  library=$work/ap/linux-x64/libasyncProfiler.so
  out=${OUT:-$(mktemp -d /tmp/takamul-profile.XXXXXX)}
  mkdir -p "$out"
fi

port=$(free_port)
bench_node_settings bench-profile "$work/data" "$port"
# shellcheck disable=SC2086 # NODE_SETTINGS holds several arguments
bench_start_node "$work/node.log" "${bench_settings[@]}" "${bench_catalogue[@]}" \
  --set takamul.bench.unaudited-baseline=true ${NODE_SETTINGS:-}
node=$bench_node_pid

service=PS/GOV/BENCH/provider/record-open/v1
declare -A url=([audited]="http://127.0.0.1:$port/r1/$service/848991048"
                [unaudited]="http://127.0.0.1:$port/bench/unaudited/r1/$service/848991048")
headers=(-H "X-Road-Client: PS/GOV/BENCH/client")

# Context switches tell a thread that works from one that keeps being woken: a thread that sleeps
# and wakes once per answer pays for it in every thread it shares a core with.
threads() { # pid -> "name ticks voluntary-switches involuntary-switches" per thread name, digits collapsed
  local t
  for t in /proc/"$1"/task/*; do
    printf '%s %s %s\n' "$(tr ' ' '_' <"$t/comm" | sed 's/[0-9]\+/N/g')" \
      "$(cut -d')' -f2 "$t/stat" | awk '{ print $12 + $13 }')" \
      "$(awk '/^voluntary_ctxt_switches/ { v = $2 } /^nonvoluntary_ctxt_switches/ { n = $2 } END { print v, n }' "$t/status")"
  done 2>/dev/null | awk '{ a[$1] += $2; v[$1] += $3; n[$1] += $4 } END { for (k in a) print k, a[k], v[k], n[k] }' | sort
}

echo "warming up: $turns turns of 15 s per path ..."
for turn in $(seq 1 "$turns"); do
  for p in audited unaudited; do bench_wrk 15s "${url[$p]}" "${headers[@]}" >/dev/null; done
done

for p in audited unaudited; do
  threads "$node" >"$work/before"; cpu0=$(bench_cpu_ms "$node")
  if $stacks; then java bench/java/ProfilerAttach.java "$node" "$library" start,event=$event,threads >/dev/null; fi
  read -r rps _ _ _ _ n <<<"$(bench_wrk "$duration" "${url[$p]}" "${headers[@]}")"
  if $stacks; then
    java bench/java/ProfilerAttach.java "$node" "$library" "stop,file=$out/$p.collapsed,collapsed$weigh" >/dev/null
  fi
  threads "$node" >"$work/after"; cpu1=$(bench_cpu_ms "$node")
  echo
  echo "$p: $rps requests/s, node CPU $(( (cpu1 - cpu0) * 1000 / (n > 0 ? n : 1) )) µs per answer; by thread" \
    "(3 µs per answer or more): CPU µs, then voluntary and involuntary context switches, per answer:"
  join "$work/before" "$work/after" | awk -v n="$n" -v hz="$(getconf CLK_TCK)" '{
      m = (n > 0 ? n : 1); d = ($5 - $2) * 1e6 / hz / m
      if (d >= 3) printf "  %-32s %6.0f %6.2f %6.2f\n", $1, d, ($6 - $3) / m, ($7 - $4) / m }' | sort -k2 -nr
  if [[ $event == alloc ]]; then
    awk -v n="$n" '{ b += $NF } END { printf "  allocated: %.0f bytes per answer\n", b / (n > 0 ? n : 1) }' "$out/$p.collapsed"
  fi
done
if $stacks; then echo; echo "collapsed stacks: $out/audited.collapsed, $out/unaudited.collapsed"; fi
