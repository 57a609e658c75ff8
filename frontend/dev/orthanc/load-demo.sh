#!/bin/sh
# Dev-only: uploads the demo CT (79 slices, read from /work/shared) and a derived 6 mm "second phase"
# (JPEG-LS lossless) to the dev Orthanc. Safe to run twice (Orthanc ignores duplicates).
set -e
here=$(cd "$(dirname "$0")" && pwd)
src="${DEMO_CT_DIR:-/work/shared/data/pancreatic-ct-cbct-seg/Pancreatic-CT-CBCT-SEG/Pancreas-CT-CB_001/07-06-2012-NA-PANCREAS-59677/201.000000-PANCREAS DI iDose 3-97846}"
[ -d "$src" ] || { echo "demo CT not found at $src (set DEMO_CT_DIR)" >&2; exit 1; }
upload() { curl -sf -X POST http://localhost:8042/instances --data-binary @"$1" >/dev/null || { echo "upload failed: $1" >&2; exit 1; }; }
n=0; for f in "$src"/*.dcm; do upload "$f"; n=$((n+1)); done
echo "uploaded $n slices of the demo CT"
derived=/tmp/delineo-dev-orthanc/derived
rm -rf "$derived" && mkdir -p "$derived/raw" "$derived/jls"
/usr/bin/python3 "$here/make-second-phase.py" "$src" "$derived/raw"
n=0; for f in "$derived"/raw/*.dcm; do
  out="$derived/jls/$(basename "$f")"
  dcmcjpls --encode-lossless "$f" "$out"
  upload "$out"; n=$((n+1))
done
echo "uploaded $n slices of the derived second phase (JPEG-LS lossless)"
curl -s http://localhost:8042/dicom-web/series | /usr/bin/python3 -c '
import json,sys
for s in json.load(sys.stdin):
    g=lambda t:(s.get(t,{}).get("Value") or ["?"])[0]
    print("study", g("0020000D"), "series", g("0020000E"), g("0008103E"), g("00201209"), "instances")'
