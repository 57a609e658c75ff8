#!/usr/bin/env bash
# Profiles the portal while the bench drives one section against Delineo only:
#   JFR (CPU samples, file fsyncs, socket reads, lock waits) + jcmd Thread.print samples of the request threads.
#
#   bench/dicomweb/profile.sh <stow|wado|qido> <out-dir> [extra DicomWebBench options…]
#
# Needs a running stack (see run.sh) and, for "stow", fresh STOW sets (5 per repetition incl. the warm-up round):
#   /usr/bin/python3 bench/dicomweb/make_stow_sets.py backend/demo-data/pancreatic-ct /tmp/bench-dw/sets-profile 20
# (BENCH_SETS overrides that folder). Writes <out-dir>/<section>.jfr,
# <section>.threads (raw dumps) and <section>-summary.txt (hot methods, waits; see summarize_profile.py).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
section=$1 out=$2
shift 2
PORT=${BENCH_PORT:-28080} KC=${BENCH_KEYCLOAK_PORT:-28180} ORTHANC=${BENCH_ORTHANC_URL:-http://localhost:28042}
SETS=${BENCH_SETS:-/tmp/bench-dw/sets-profile}
mkdir -p "$out"
out=$(cd "$out" && pwd)

pid=$(pgrep -f "quarkus-run.jar" -a | awk -v root="$ROOT" '$0 ~ root"/backend/target/quarkus-app/quarkus-run.jar" {print $1; exit}')
[ -n "$pid" ] || { echo "no portal JVM of $ROOT is running" >&2; exit 1; }
echo "profiling portal pid $pid, section $section"

jcmd "$pid" JFR.start name=bench settings="$HERE/wallclock.jfc" filename="$out/$section.jfr" > /dev/null
: > "$out/$section.threads"
( while true; do jcmd "$pid" Thread.print >> "$out/$section.threads" 2>/dev/null || true; sleep 0.2; done ) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

java "$HERE/DicomWebBench.java" --delineo "http://localhost:$PORT" --keycloak "http://localhost:$KC" \
  --orthanc "$ORTHANC" --demo "$ROOT/backend/demo-data/pancreatic-ct" --sets "$SETS" \
  --servers delineo --only "$section" --out "$out/$section-raw.tsv" "$@" 2> "$out/$section-bench.log" \
  > "$out/$section-table.md"

kill $sampler 2>/dev/null || true
jcmd "$pid" JFR.stop name=bench > /dev/null
/usr/bin/python3 "$HERE/summarize_profile.py" "$out/$section.jfr" "$out/$section.threads" > "$out/$section-summary.txt"
echo "wrote $out/$section-summary.txt"
