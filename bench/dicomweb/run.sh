#!/usr/bin/env bash
# Runs the whole DICOMweb comparison once: starts the bench Orthanc if it is not running, writes fresh
# UID-rewritten STOW sets, runs DicomWebBench.java against both servers and stores the results.
#
#   bench/dicomweb/run.sh [name]          (results in bench/dicomweb/results/<name>.md, .tsv and -log.txt)
#
# The Delineo stack must already run (another terminal, from the repository root):
#   ./delineo up --port 28080 --keycloak-port 28180 --db-port 25433 --data-dir /tmp/bench-dw/delineo
# Environment: BENCH_PORT, BENCH_KEYCLOAK_PORT, BENCH_REPS (3), BENCH_WORK (/tmp/bench-dw),
#   BENCH_ONLY (e.g. stow,wado: sections to run), BENCH_DATA_DIR (the --data-dir of ./delineo up, for the PostgreSQL pid; /tmp/bench-dw/delineo).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT=${BENCH_PORT:-28080} KC=${BENCH_KEYCLOAK_PORT:-28180} REPS=${BENCH_REPS:-3} WORK=${BENCH_WORK:-/tmp/bench-dw}
DATA=${BENCH_DATA_DIR:-$WORK/delineo}
# BENCH_ORTHANC_PORT (28042) and BENCH_WORK replace the port and the /tmp/bench-dw paths of orthanc-bench.json, so
# two checkouts can run the bench side by side
ORTHANC_PORT=${BENCH_ORTHANC_PORT:-28042}
name=${1:-run-$(date -u +%Y%m%dT%H%M%SZ)}
results="$HERE/results"
mkdir -p "$results" "$WORK/orthanc"
orthanc_config="$WORK/orthanc-bench.json"
sed -e "s|/tmp/bench-dw/|$WORK/|g" -e "s|\"HttpPort\" : 28042|\"HttpPort\" : $ORTHANC_PORT|" "$HERE/orthanc-bench.json" > "$orthanc_config"

curl -sf -o /dev/null "http://localhost:$PORT/q/health/ready" || { echo "the portal does not answer on port $PORT" >&2; exit 1; }

orthanc_pid=""
if ! curl -sf -o /dev/null "http://localhost:$ORTHANC_PORT/system"; then
  echo "starting Orthanc ($orthanc_config)"
  (cd "$WORK/orthanc" && exec /usr/sbin/Orthanc "$orthanc_config" > "$WORK/orthanc/orthanc.log" 2>&1) &
  orthanc_pid=$!
  trap '[ -n "$orthanc_pid" ] && kill "$orthanc_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -sf -o /dev/null "http://localhost:$ORTHANC_PORT/system" && break; sleep 0.5; done
fi

# processes whose CPU time is metered: portal JVM + postmaster (its backends are children), and Orthanc
portal_pid=$(pgrep -f -- "-jar $ROOT/backend/target/quarkus-app/quarkus-run.jar" | head -1)
postgres_pid=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
orthanc_cpu_pid=${orthanc_pid:-$(pgrep -f -- "Orthanc $orthanc_config" | head -1)}
[ -n "$portal_pid" ] && [ -n "$postgres_pid" ] && [ -n "$orthanc_cpu_pid" ] \
  || { echo "could not find the pids of portal ($portal_pid), PostgreSQL ($postgres_pid), Orthanc ($orthanc_cpu_pid)" >&2; exit 1; }

# 3 STOW modes x (warm-up + reps): one set for Delineo and Orthanc DICOMweb (different servers, same UIDs),
# and for the two per-instance modes one more set for Orthanc's native POST /instances
sets="$WORK/sets-$name"
rm -rf "$sets"
/usr/bin/python3 "$HERE/make_stow_sets.py" "$ROOT/backend/demo-data/pancreatic-ct" "$sets" $(( 5 * (REPS + 1) ))

{
  echo "host: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "orthanc: $(/usr/sbin/Orthanc --version | head -1), dicomweb plugin $(curl -s "http://localhost:$ORTHANC_PORT/plugins/dicom-web" | sed -n 's/.*"Version" : "\(.*\)".*/\1/p')"
  echo "uptime before: $(uptime)"
} > "$results/$name-log.txt"

BENCH_CLK_TCK=$(getconf CLK_TCK) java "$HERE/DicomWebBench.java" --delineo "http://localhost:$PORT" --keycloak "http://localhost:$KC" \
  --orthanc "http://localhost:$ORTHANC_PORT" --demo "$ROOT/backend/demo-data/pancreatic-ct" --sets "$sets" \
  --reps "$REPS" --delineo-pids "$portal_pid,$postgres_pid" --orthanc-pids "$orthanc_cpu_pid" \
  ${BENCH_ONLY:+--only "$BENCH_ONLY"} --out "$results/$name.tsv" 2>> "$results/$name-log.txt" | tee "$results/$name.md"

echo "uptime after: $(uptime)" >> "$results/$name-log.txt"
rm -rf "$sets"
echo "results: $results/$name.md, .tsv, -log.txt"
