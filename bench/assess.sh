#!/usr/bin/env bash
# Cold assessment benchmark (not a test): one-shot `steward assess` runs, each on a fresh copy of a store, alternating
# between jars, with every thread's CPU read from /proc: how docs/benchmarks.md measures cold runs (its section *How
# the times are measured*).
#   bench/assess.sh <store> [rounds] [app dir ...]
# <store>   a data directory filled by `steward bench` (its defaults: 100k agents, 300k credentials, 10M decisions);
#           it is copied for every run and never written to.
# rounds    default 3; each round runs every app once, in the order given.
# app dir   a built target/quarkus-app (copy it aside to compare jars); default: this checkout's, built when missing or
#           older than the sources.
# Per run it prints the assessment's time with its commit (the log line "... findings in N ms", the measure the
# benchmarks use), the run's elapsedMs (stored with the run, before the commit), the process's time (start to exit:
# JVM and Quarkus start-up, the assessment, writing findings.json and the summary), the CPU of each thread group, and
# the md5 of findings.json without its run id (equal across jars when their findings are). Thread groups are the
# kernel's thread names (15 characters) without their numbers: main, JIT (both compilers), GC, steward-... .
# Environment: BENCH_DIR (scratch, default /tmp/steward-bench), BENCH_JAVA (the java command, default java on the
# PATH), BENCH_HEAP (default -Xmx1g -Xms1g -XX:+UseParallelGC -XX:FreqInlineSize=100 -XX:MaxTenuringThreshold=1:
# the heap limit and the options ./steward gives Java for `assess` with STEWARD_JAVA_OPTS=-Xmx1g; before 2026-12-04
# without -Xms1g and the tenuring threshold), BENCH_AS_OF (default 2026-11-01T00:00:00Z, the data's as-of; run k
# assesses as of it plus 600 + k seconds, so that no run finds itself stored already and each is diffed with the
# store's latest run).
set -euo pipefail
store=$(realpath "${1:?usage: bench/assess.sh <store> [rounds] [app dir ...]}")
[ -f "$store/steward.mv.db" ] || { echo "bench/assess.sh: $store holds no H2 store (steward.mv.db)" >&2; exit 2; }
rounds=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
apps=()
for a in "$@"; do
  [ -f "$a/quarkus-run.jar" ] || { echo "bench/assess.sh: $a holds no quarkus-run.jar" >&2; exit 2; }
  apps+=("$(realpath "$a")")
done
cd "$(dirname "$0")/.."
if [ ${#apps[@]} -eq 0 ]; then
  # as ./steward does: build when the jar is missing or older than the sources
  jar=target/quarkus-app/quarkus-run.jar
  newer=$([ -f "$jar" ] && find src/main pom.xml mappings templates -newer "$jar" -print 2>/dev/null | head -n 1 \
    || true)
  if [ ! -f "$jar" ] || [ -n "$newer" ]; then
    ./mvnw -q -B -DskipTests package
  fi
  apps=(target/quarkus-app)
fi
work=${BENCH_DIR:-/tmp/steward-bench}/assess
heap=${BENCH_HEAP:--Xmx1g -Xms1g -XX:+UseParallelGC -XX:FreqInlineSize=100 -XX:MaxTenuringThreshold=1}
java=${BENCH_JAVA:-java}
base=$(date -u -d "${BENCH_AS_OF:-2026-11-01T00:00:00Z}" +%s)
mkdir -p "$work"
k=0
for round in $(seq 1 "$rounds"); do
  for app in "${apps[@]}"; do
    k=$((k + 1))
    as_of=$(date -u -d "@$((base + 600 + k))" +%Y-%m-%dT%H:%M:%SZ)
    rm -rf "$work/store" "$work/out"
    cp -r "$store" "$work/store"
    sync
    start=$(date +%s%N)
    # INFO on the console: the assessment's own log lines carry its phases and its time with the commit
    STEWARD_DATA_DIR="$work/store" "$java" $heap -Dquarkus.log.console.level=INFO -jar "$app/quarkus-run.jar" \
      assess --as-of "$as_of" --out "$work/out" \
      > "$work/run-$k.log" 2>&1 &
    pid=$!
    declare -A cpu=() name=()
    while kill -0 "$pid" 2>/dev/null; do
      for f in /proc/"$pid"/task/*/stat; do
        # a thread may end between the glob and the read: the error goes nowhere, the thread is skipped
        { read -r line < "$f"; } 2>/dev/null || continue
        tid=${f#/proc/$pid/task/}; tid=${tid%/stat}
        comm=${line#*(}; comm=${comm%%)*}
        set -- ${line##*) }
        cpu[$tid]=$(( ${12} + ${13} )); name[$tid]=$comm
      done
      sleep 0.3
    done
    rc=0; wait "$pid" || rc=$?
    process=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$rc" -ne 0 ] || grep -q 'is stored already' "$work/run-$k.log"; then
      echo "run $k ($app): failed or found stored already; see $work/run-$k.log" >&2
      exit 1
    fi
    assessment=$(grep -o 'findings in [0-9]* ms' "$work/run-$k.log" | head -1 | grep -o '[0-9]*' || true)
    elapsed=$(grep -o '"elapsedMs" *: *[0-9]*' "$work/out/summary.json" | head -1 | grep -o '[0-9]*$' || true)
    if [ -z "$assessment" ] || [ -z "$elapsed" ]; then
      echo "run $k ($app): no assessment time in $work/run-$k.log or no elapsedMs in $work/out/summary.json" >&2
      exit 1
    fi
    md5=$(sed 's/"assessmentId" *: *"[0-9a-f]*"//' "$work/out/findings.json" | md5sum | cut -c1-8)
    ticks=$(getconf CLK_TCK)
    threads=$(for t in "${!cpu[@]}"; do echo "${name[$t]} ${cpu[$t]}"; done | awk -v hz="$ticks" '
      {
        n = $1
        if (n ~ /^C[12]$/) n = "JIT"
        else if (n == "java") n = "main"
        else { sub(/[0-9]+$/, "", n); sub(/-$/, "", n) }
        s[n] += $NF; total += $NF
      }
      END { printf "all %.1f\n", total / hz; for (n in s) if (s[n] >= hz / 2) printf "%s %.1f\n", n, s[n] / hz }' |
      sort -k2 -rn | awk '{ printf "%s%s %s s", NR == 1 ? "CPU: " : ", ", $1, $2 }')
    awk -v at="$(date -u +%H:%M)" -v round="$round" -v app="$app" -v as_of="$as_of" -v a="$assessment" -v e="$elapsed" \
      -v p="$process" -v md5="$md5" -v threads="$threads" 'BEGIN {
        printf "%s round %d %s as of %s: assessment %.1f s, elapsedMs %.1f s, process %.1f s, findings md5 %s; %s\n",
          at, round, app, as_of, a / 1000, e / 1000, p / 1000, md5, threads }'
    unset cpu name
  done
done
