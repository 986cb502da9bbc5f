#!/bin/sh
# Metric ingest and read benchmark: imports N generated samples (default 10 000 000) through the metric
# import job and COPYs the same rows into an unindexed table and into a table partitioned and indexed
# like metric_sample, all in a throw-away schema of NOPESIGHT_BENCH_DB_URL (default
# jdbc:postgresql://127.0.0.1:5432/test, user postgres); prints rates, ratios and read timings.
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B -pl batch-jobs -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="batch-jobs/target/test-classes:batch-jobs/target/classes:$(cat batch-jobs/target/bench.classpath)"
exec java -Xmx2g -XX:+UseParallelGC -Djava.io.tmpdir=batch-jobs/target -cp "$CP" \
    io.nopesight.batch.metric.MetricIngestBenchmark "$@"
