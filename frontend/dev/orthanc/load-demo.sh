#!/bin/sh
# Dev-only: uploads the demo CT (79 slices, read from /work/shared) and two derived "phases" to the dev Orthanc:
# 6 mm (31 slices, JPEG-LS lossless) and 9 mm (21 slices, JPEG lossless SV1). Safe to run twice.
set -e
here=$(cd "$(dirname "$0")" && pwd)
src="${DEMO_CT_DIR:-/work/shared/data/pancreatic-ct-cbct-seg/Pancreatic-CT-CBCT-SEG/Pancreas-CT-CB_001/07-06-2012-NA-PANCREAS-59677/201.000000-PANCREAS DI iDose 3-97846}"
[ -d "$src" ] || { echo "demo CT not found at $src (set DEMO_CT_DIR)" >&2; exit 1; }
upload() { curl -sf -X POST http://localhost:8042/instances --data-binary @"$1" >/dev/null || { echo "upload failed: $1" >&2; exit 1; }; }
n=0; for f in "$src"/*.dcm; do upload "$f"; n=$((n+1)); done
echo "uploaded $n slices of the demo CT"
derived=/tmp/delineo-dev-orthanc/derived
rm -rf "$derived" && mkdir -p "$derived/p2" "$derived/p3" "$derived/out"
/usr/bin/python3 "$here/make-derived-phase.py" "$src" "$derived/p2" 2 8 202 "DERIVED 6mm JPEG-LS (dev phase)"
/usr/bin/python3 "$here/make-derived-phase.py" "$src" "$derived/p3" 3 9 203 "DERIVED 9mm JPEG lossless (dev phase)"
n=0; for f in "$derived"/p2/*.dcm; do out="$derived/out/$(basename "$f")"; dcmcjpls --encode-lossless "$f" "$out"; upload "$out"; n=$((n+1)); done
echo "uploaded $n slices of the 6 mm phase (JPEG-LS lossless)"
n=0; for f in "$derived"/p3/*.dcm; do out="$derived/out/$(basename "$f")"; dcmcjpeg --encode-lossless-sv1 "$f" "$out"; upload "$out"; n=$((n+1)); done
echo "uploaded $n slices of the 9 mm phase (JPEG lossless SV1)"
curl -s http://localhost:8042/dicom-web/series | /usr/bin/python3 -c '
import json,sys
for s in json.load(sys.stdin):
    g=lambda t:(s.get(t,{}).get("Value") or ["?"])[0]
    print("series", g("0020000E"), g("0008103E"), g("00201209"), "instances")'
