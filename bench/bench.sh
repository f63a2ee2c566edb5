#!/usr/bin/env bash
# The benchmark suite (docs/benchmarks.md) on H2 or PostgreSQL: runs `steward bench` on a fresh store under a fixed heap.
#   bench/bench.sh h2|postgresql [steward bench options, e.g. --agents 10000]
# H2: the default jar, store under $BENCH_DIR/<db>/store. PostgreSQL: a jar built with db-kind=postgresql, against a
# throw-away PostgreSQL 17 started from the embedded binaries of the test classpath (bench/EmbeddedPostgresServer).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}; shift || true
work=${BENCH_DIR:-/tmp/steward-bench}
heap=${BENCH_HEAP:--Xmx1g -XX:+UseParallelGC -XX:FreqInlineSize=100}
mkdir -p "$work/$db"
rm -rf "$work/$db/store"
case "$db" in
  h2)
    ./mvnw -q -B -DskipTests package
    STEWARD_DATA_DIR="$work/$db/store" java $heap -jar target/quarkus-app/quarkus-run.jar bench --out "$work/$db/out" "$@"
    ;;
  postgresql)
    ./mvnw -q -B -DskipTests package -Dquarkus.datasource.db-kind=postgresql
    rm -rf "$work/pg-app" && cp -r target/quarkus-app "$work/pg-app"
    ./mvnw -q -B -DskipTests package   # leave the default (H2) build in target/
    ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
    ./mvnw -q -B test-compile
    rm -f "$work/pg.url"
    java -cp "target/test-classes:$(cat "$work/cp.txt")" dev.steward.bench.EmbeddedPostgresServer "$work/pg.url" &
    pg=$!
    trap 'kill $pg 2>/dev/null || true' EXIT
    for _ in $(seq 1 60); do [ -s "$work/pg.url" ] && break; sleep 1; done
    QUARKUS_DATASOURCE_JDBC_URL=$(cat "$work/pg.url") QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
      STEWARD_DATA_DIR="$work/$db/store" java $heap -jar "$work/pg-app/quarkus-run.jar" bench --out "$work/$db/out" "$@"
    ;;
  *) echo "usage: bench/bench.sh h2|postgresql [bench options]" >&2; exit 2 ;;
esac
