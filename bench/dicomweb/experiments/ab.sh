#!/usr/bin/env bash
# A/B test of a patched portal (fixes.patch, behaviour chosen with -Dexp.* flags) against the unpatched build.
#
#   bench/dicomweb/experiments/ab.sh <label> <sections: stow,wado,qido> "<-Dexp.* JVM flags>"
#
# Both portals are started fresh for the test, side by side with the running stack's database, file store and
# Keycloak (the stack of ./delineo up on 28080/28180/25433 with --data-dir /tmp/bench-dw/delineo must run):
#   base    = backend/target/quarkus-app (the build of this worktree) on port 28082, no flags
#   patched = $EXP/backend/target/quarkus-app on port 28081 with the given flags
# Building the patched portal (once):
#   mkdir -p /tmp/bench-dw/exp && git archive HEAD | tar -x -C /tmp/bench-dw/exp && cd /tmp/bench-dw/exp \
#     && patch -p1 < <worktree>/bench/dicomweb/experiments/fixes.patch && mvn -B -q -o -DskipTests -Dskip.frontend package
# Each portal first gets $AB_WARMUPS (2) unrecorded bench runs so that both JVMs are equally warm (JIT); then both are
# measured $AB_ROUNDS (2) times, alternating, with --servers delineo. Raw TSVs: bench/dicomweb/results/ab-<label>-*.tsv;
# medians over all repetitions: bench/dicomweb/results/ab-<label>.md (compare.py).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
label=$1 sections=$2 flags=${3:-}
EXP=${EXP:-/tmp/bench-dw/exp} WORK=${BENCH_WORK:-/tmp/bench-dw} DATA=${BENCH_DATA_DIR:-/tmp/bench-dw/delineo}
REPS=${BENCH_REPS:-3} ROUNDS=${AB_ROUNDS:-2} WARMUPS=${AB_WARMUPS:-2} EXTRA=${AB_EXTRA:-}  # EXTRA: more bench options
results="$BENCH/results"
mkdir -p "$results"
postgres_pid=$(head -1 "$DATA/postgres/postmaster.pid")

start_portal() { # port jar log [flags…]
  local port=$1 jar=$2 log=$3
  shift 3
  env DELINEO_PORT="$port" DELINEO_DB_URL="jdbc:postgresql://localhost:25433/delineo" DELINEO_DB_USER=delineo \
      DELINEO_DB_PASSWORD=delineo DELINEO_OIDC_URL="http://localhost:28180/realms/delineo" DELINEO_DATA_DIR="$DATA" \
      DELINEO_DEMO_DATA="$ROOT/backend/demo-data" \
      java -Xmx4g "$@" -jar "$jar" > "$log" 2>&1 < /dev/null &
  echo $!
}

wait_ready() { # port log
  for _ in $(seq 1 240); do curl -sf -o /dev/null "http://localhost:$1/q/health/ready" && return; sleep 0.5; done
  tail -20 "$2" >&2
  exit 1
}

# shellcheck disable=SC2086  # flags are separate JVM options
patched_pid=$(start_portal 28081 "$EXP/backend/target/quarkus-app/quarkus-run.jar" "$WORK/ab-$label-patched.log" $flags)
base_pid=$(start_portal 28082 "$ROOT/backend/target/quarkus-app/quarkus-run.jar" "$WORK/ab-$label-base.log")
trap 'kill "$patched_pid" "$base_pid" 2>/dev/null || true' EXIT
wait_ready 28081 "$WORK/ab-$label-patched.log"
wait_ready 28082 "$WORK/ab-$label-base.log"

run_one() { # target port pid out
  local target=$1 port=$2 pid=$3 out=$4 sets="$WORK/sets-ab-$label-$1"
  rm -rf "$sets"
  if [[ $sections == *stow* ]]; then
    /usr/bin/python3 "$BENCH/make_stow_sets.py" "$ROOT/backend/demo-data/pancreatic-ct" "$sets" $(( 5 * (REPS + 1) )) > /dev/null
  fi
  echo "[$(date +%T)] $label $(basename "$out" .tsv): $target (port $port), load $(cut -d' ' -f1-3 /proc/loadavg)"
  BENCH_CLK_TCK=$(getconf CLK_TCK) java "$BENCH/DicomWebBench.java" --delineo "http://localhost:$port" \
    --keycloak http://localhost:28180 --orthanc http://localhost:28042 --demo "$ROOT/backend/demo-data/pancreatic-ct" \
    --sets "$sets" --servers delineo --only "$sections" --reps "$REPS" --delineo-pids "$pid,$postgres_pid" \
    --out "$out" $EXTRA > /dev/null 2>> "$WORK/ab-$label-bench.log"
  rm -rf "$sets"
}

for w in $(seq 1 "$WARMUPS"); do
  run_one base 28082 "$base_pid" "$WORK/ab-$label-warmup-base-$w.tsv"
  run_one patched 28081 "$patched_pid" "$WORK/ab-$label-warmup-patched-$w.tsv"
done
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then
    run_one base 28082 "$base_pid" "$results/ab-$label-base-$round.tsv"
    run_one patched 28081 "$patched_pid" "$results/ab-$label-patched-$round.tsv"
  else
    run_one patched 28081 "$patched_pid" "$results/ab-$label-patched-$round.tsv"
    run_one base 28082 "$base_pid" "$results/ab-$label-base-$round.tsv"
  fi
done
{
  echo "A/B $label: sections $sections, patched flags: ${flags:-(none)}; $ROUNDS rounds x $REPS repetitions each ${EXTRA:+(bench options: $EXTRA)}"
  echo
  /usr/bin/python3 "$HERE/compare.py" "$results"/ab-"$label"-base-*.tsv -- "$results"/ab-"$label"-patched-*.tsv
} | tee "$results/ab-$label.md"
