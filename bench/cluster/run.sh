#!/usr/bin/env bash
# STOW-RS and WADO-RS frames through haproxy: 1 replica against 2 replicas of one running cluster.
#
#   bench/cluster/run.sh [name]        (results in bench/cluster/results/<name>.md, .tsv, -log.txt)
#
# The cluster must already run (another terminal, from the repository root), e.g.
#   ./delineo cluster up --replicas 2 --port 27080 --keycloak-port 27100 --db-port 27433 --s3-port 27090 \
#     --data-dir /tmp/bench-cluster
# This script starts a second haproxy (port BENCH_ONE_PORT, default 27070) in front of replica 1 only, so both
# targets pass through the same load balancer. Environment: BENCH_PORT (27080), BENCH_KEYCLOAK_PORT (27100),
# BENCH_REPS (3), BENCH_WORK (/tmp/bench-cluster-work).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT=${BENCH_PORT:-27080} KC=${BENCH_KEYCLOAK_PORT:-27100} ONE=${BENCH_ONE_PORT:-27070}
REPS=${BENCH_REPS:-3} WORK=${BENCH_WORK:-/tmp/bench-cluster-work}
name=${1:-run-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$HERE/results" "$WORK"

curl -sf -o /dev/null "http://localhost:$PORT/q/health/ready" || { echo "no cluster answers on port $PORT" >&2; exit 1; }
cat > "$WORK/one-replica.cfg" <<CFG
defaults
    mode http
    option http-keep-alive
    timeout connect 5s
    timeout client 15m
    timeout server 15m
frontend one
    bind 127.0.0.1:$ONE
    default_backend one
backend one
    server replica-1 127.0.0.1:$((PORT + 1)) check
CFG
haproxy -db -f "$WORK/one-replica.cfg" > "$WORK/haproxy-one.log" 2>&1 &
one_pid=$!
trap 'kill "$one_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 40); do curl -sf -o /dev/null "http://localhost:$ONE/q/health/ready" && break; sleep 0.5; done

sets="$WORK/sets-$name"
rm -rf "$sets"
/usr/bin/python3 "$ROOT/bench/dicomweb/make_stow_sets.py" "$ROOT/backend/demo-data/pancreatic-ct" "$sets" $(( 2 * (REPS + 1) ))
{
  echo "host: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); $(haproxy -v | head -1)"
  echo "uptime before: $(uptime)"
} > "$HERE/results/$name-log.txt"
/usr/bin/python3 "$HERE/replicas.py" --target "1-replica=http://localhost:$ONE" --target "2-replicas=http://localhost:$PORT" \
  --keycloak "http://localhost:$KC" --demo "$ROOT/backend/demo-data/pancreatic-ct" --sets "$sets" --reps "$REPS" \
  --out "$HERE/results/$name.tsv" | tee "$HERE/results/$name.md"
echo "uptime after: $(uptime)" >> "$HERE/results/$name-log.txt"
rm -rf "$sets"
