#!/usr/bin/env bash
# Bookings per second with one node and with two nodes of the postgres profile on the same PostgreSQL (issue 16,
# ADR 0053): a fresh database per run, then the load generator against one node and against two.
#
#   benchmarks/nodes-bench.sh [seconds] [clients,...]      e.g. benchmarks/nodes-bench.sh 10 4,16
#
# Needs app/target/aura-scheduler.jar and the benchmarks module installed (./aura bench-nodes does both).
set -euo pipefail
seconds=${1:-10}
clients=${2:-4,16}
source "$(dirname "$0")/postgres-node.sh"

load() {
  ./mvnw -B -q -o -pl benchmarks exec:java -Dexec.mainClass=io.aura.bench.LoadGenerator \
    -Dexec.args="$1 admin $AURA_ADMIN_PASSWORD $seconds $clients none"
}

for db in one two; do "${psql[@]}" -d postgres -c "CREATE DATABASE $db" -c "CREATE DATABASE ${db}_keys" > /dev/null; done
echo "== one node (postgres profile) =="
start_node one 18081
load http://localhost:18081
stop_nodes
echo "== two nodes on the same PostgreSQL, clients alternating between them =="
start_node two 18081
start_node two 18082
load http://localhost:18081,http://localhost:18082
