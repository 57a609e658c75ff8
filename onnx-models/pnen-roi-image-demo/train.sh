#!/usr/bin/env bash
# Rebuilds pnen-roi-image-demo (SYNTHETIC data, research use only). Needs Debian's python3-numpy and python3-onnx.
# Deterministic (fixed seeds, one BLAS thread); takes about 4 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"
OPENBLAS_NUM_THREADS=1 /usr/bin/python3 train.py
