#!/usr/bin/env bash
# Ingest benchmark (not a test): generates seeded decision logs, then ingests them into H2 and into PostgreSQL with the
# real CLI under a fixed heap, and prints elapsed time, throughput and peak heap for each.
#   bench/ingest.sh [decisions ...]     default: 1000000 10000000
# Results go to docs/benchmarks.md by hand, with the machine and the date.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000000 10000000}")
[ $# -eq 0 ] && sizes=(1000000 10000000)
work=${BENCH_DIR:-/tmp/steward-bench}
heap=${BENCH_HEAP:--Xmx512m -XX:+UseParallelGC -XX:FreqInlineSize=100}
mkdir -p "$work"

./mvnw -q -B -DskipTests package
rm -rf "$work/h2-app" && cp -r target/quarkus-app "$work/h2-app"
./mvnw -q -B -DskipTests package -Dquarkus.datasource.db-kind=postgresql
rm -rf "$work/pg-app" && cp -r target/quarkus-app "$work/pg-app"
./mvnw -q -B -DskipTests package   # leave the default (H2) build in target/
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
./mvnw -q -B test-compile

for n in "${sizes[@]}"; do
  data="$work/data-$n"
  if [ ! -f "$data/decisions.jsonl.gz" ]; then
    agents=$(( n / 100 > 83 ? n / 100 : 83 ))
    java -cp target/classes dev.steward.sampledata.SampleDataGenerator --out "$data" --agents "$agents" --decisions "$n"
  fi
  echo "== $n decisions, H2, $heap"
  rm -rf "$work/h2-store"
  java $heap -Dsteward.data-dir="$work/h2-store" -jar "$work/h2-app/quarkus-run.jar" ingest --stats "$data/decisions.jsonl.gz" \
    | grep -E "committed|Stats"

  echo "== $n decisions, PostgreSQL, $heap"
  rm -f "$work/pg.url"
  java -cp "target/test-classes:$(cat "$work/cp.txt")" dev.steward.bench.EmbeddedPostgresServer "$work/pg.url" &
  pg=$!
  for _ in $(seq 1 60); do [ -s "$work/pg.url" ] && break; sleep 1; done
  QUARKUS_DATASOURCE_JDBC_URL=$(cat "$work/pg.url") QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    java $heap -Dsteward.data-dir="$work/pg-store" -jar "$work/pg-app/quarkus-run.jar" ingest --stats "$data/decisions.jsonl.gz" \
    | grep -E "committed|Stats" || true
  kill $pg; wait $pg 2>/dev/null || true
done
