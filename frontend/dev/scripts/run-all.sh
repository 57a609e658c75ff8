#!/bin/sh
# Dev only: runs every harness check against a running harness (default http://localhost:5181, see ../README.md).
set -e
here=$(cd "$(dirname "$0")" && pwd)
for s in contour-roundtrip tools-smoke multiphase reader-conflict; do
  echo "== $s"
  node "$here/$s.mjs"
done
