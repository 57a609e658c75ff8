#!/usr/bin/python3
"""scikit-image GLCM timing for RadiomicsBenchmark (run with Debian's /usr/bin/python3).

usage: glcm_skimage.py LEVELS.raw REPEATS
LEVELS.raw: little-endian int32 header (nx, ny, nz, ng) then nx*ny*nz int32 grey levels (x fastest), 0 = outside ROI.
Per slice: graycomatrix(distance 1, angles 0, 45, 90, 135 degrees, symmetric) over levels 0..ng, the background
row/column (level 0) removed, then graycoprops for contrast, dissimilarity, homogeneity, ASM, energy, correlation.
Prints the median time (ms) and, as a cross-check of the engine, the contrast of the matrix merged over all slices and
angles (IBSI 2.5D volume-merged).
"""
import sys
import time
import numpy as np
from skimage.feature import graycomatrix, graycoprops

path, repeats = sys.argv[1], int(sys.argv[2])
raw = np.fromfile(path, dtype='<i4')
nx, ny, nz, ng = raw[:4]
vol = raw[4:].reshape(nz, ny, nx).astype(np.uint8 if ng < 255 else np.uint16)
angles = [0, np.pi / 4, np.pi / 2, 3 * np.pi / 4]
props = ['contrast', 'dissimilarity', 'homogeneity', 'ASM', 'energy', 'correlation']


def run():
    merged = np.zeros((ng, ng, 1, 4))
    for z in range(nz):
        sl = vol[z]
        if not sl.any():
            continue
        m = graycomatrix(sl, [1], angles, levels=ng + 1, symmetric=True)[1:, 1:, :, :]
        if m.sum() == 0:
            continue
        for p in props:
            graycoprops(m, p)
        merged += m
    return merged


times = []
for _ in range(repeats):
    t = time.perf_counter()
    merged = run()
    times.append((time.perf_counter() - t) * 1000)
total = merged.sum(axis=(2, 3), keepdims=True)
print(f"median_ms {np.median(times):.3f}")
print(f"contrast_2_5D_vmrg {graycoprops(total, 'contrast')[0, 0]!r}")
