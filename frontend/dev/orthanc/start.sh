#!/bin/sh
# Dev-only: starts a private Orthanc (HTTP :8042, DICOMweb at /dicom-web/, no auth, storage in /tmp).
set -e
here=$(cd "$(dirname "$0")" && pwd)
state=/tmp/delineo-dev-orthanc
mkdir -p "$state/db"
if curl -sf http://localhost:8042/system >/dev/null 2>&1; then echo "Orthanc already answers on :8042"; exit 0; fi
nohup /usr/sbin/Orthanc "$here/orthanc.json" >"$state/orthanc.log" 2>&1 &
echo $! >"$state/pid"
for _ in $(seq 1 50); do
  if curl -sf http://localhost:8042/system >/dev/null 2>&1; then echo "Orthanc started (pid $(cat "$state/pid"))"; exit 0; fi
  sleep 0.2
done
echo "Orthanc did not start; see $state/orthanc.log" >&2; exit 1
