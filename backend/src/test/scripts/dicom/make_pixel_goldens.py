#!/usr/bin/python3
"""Decoded-pixel goldens for io.delineo.dicom.pixel tests (run once; output is committed).

For every conformance file with Pixel Data, each frame's stored values (pixel-interleaved: row, column, sample),
as little-endian int32, are hashed with SHA-256. The values come from an independent oracle:
  native syntaxes (incl. big endian, deflated)  pydicom 2.3.1 numpy handler (pixel_array)
  RLE Lossless                                   dcmtk dcmdrle -> native file -> pydicom
  JPEG baseline / extended / lossless            dcmtk dcmdjpeg (+cp: YCbCr converted to RGB) -> pydicom
  JPEG-LS                                        dcmtk dcmdjpls -> pydicom
  JPEG 2000                                      pydicom + Pillow 9.4 (OpenJPEG)
Values are then masked to Bits Stored below High Bit and sign-extended per Pixel Representation of the ORIGINAL
data set with numpy (pydicom leaves unused high bits as stored).
For lossy JPEG 2000 the oracle's values are also written (gzip, int32 LE) to golden/pixels-lossy-j2k/ because
JJ2000 and OpenJPEG may round a few samples differently (the test allows a difference of 1).
Output: backend/src/test/resources/dicom/golden/pixels.tsv with columns
  file, oracle, frames, rows, columns, samples, sha256 of frame 0, frame 1, ... (comma separated)
Run: /usr/bin/python3 backend/src/test/scripts/dicom/make_pixel_goldens.py
"""
import gzip
import hashlib
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pydicom

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
BACKEND = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
DATA = os.path.join(BACKEND, "src", "test", "resources", "dicom", "pydicom-test-files", "test_files")
INDEX = os.path.join(BACKEND, "src", "test", "resources", "dicom", "golden", "dcmdump", "index.tsv")
OUT = os.path.join(BACKEND, "src", "test", "resources", "dicom", "golden", "pixels.tsv")
LOSSY = os.path.join(BACKEND, "src", "test", "resources", "dicom", "golden", "pixels-lossy-j2k")

RLE = {"1.2.840.10008.1.2.5"}
JPEG = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"}
JPEG_LS = {"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"}
J2K = {"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"}


def conformance_files():
    with open(INDEX, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if parts[1].startswith("ok"):
                yield parts[0]


def via_tool(tool, path, extra=()):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "native.dcm")
        subprocess.run([tool, *extra, path, out], check=True, capture_output=True)
        return pydicom.dcmread(out).pixel_array


def stored(ds, arr):
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    samples = int(ds.get("SamplesPerPixel", 1))
    arr = np.asarray(arr).astype(np.int64).reshape(frames, -1)
    bits_stored = int(ds.BitsStored)
    shift = int(ds.get("HighBit", bits_stored - 1)) + 1 - bits_stored
    arr = (arr >> shift) & ((1 << bits_stored) - 1)
    if int(ds.PixelRepresentation) == 1:
        arr = np.where(arr >= (1 << (bits_stored - 1)), arr - (1 << bits_stored), arr)
    return arr, frames, samples


def main():
    rows = []
    for rel in conformance_files():
        path = os.path.join(DATA, rel)
        ds = pydicom.dcmread(path, force=True)
        if "PixelData" not in ds or "Rows" not in ds:
            continue
        ts = str(ds.file_meta.TransferSyntaxUID) if "TransferSyntaxUID" in ds.file_meta else ""
        try:
            if ts in RLE:
                oracle, arr = "dcmdrle", via_tool("dcmdrle", path)
            elif ts in JPEG:
                oracle, arr = "dcmdjpeg", via_tool("dcmdjpeg", path)
            elif ts in JPEG_LS:
                oracle, arr = "dcmdjpls", via_tool("dcmdjpls", path)
            elif ts in J2K:
                oracle, arr = "pillow-openjpeg", ds.pixel_array
            else:
                oracle, arr = "pydicom-numpy", ds.pixel_array
        except Exception as e:  # recorded, so the test can say which files no oracle decodes
            rows.append((rel, "oracle-failed: " + str(e).replace("\t", " ").replace("\n", " ")[:150], "", "", "", "", ""))
            continue
        values, frames, samples = stored(ds, arr)
        hashes = [hashlib.sha256(values[f].astype("<i4").tobytes()).hexdigest() for f in range(frames)]
        if ts == "1.2.840.10008.1.2.4.91":
            # lossy JPEG 2000: decoders may round differently (JJ2000 vs OpenJPEG), so keep the values themselves
            # for a tolerance comparison in the test
            os.makedirs(LOSSY, exist_ok=True)
            for fr in range(frames):
                with gzip.GzipFile(os.path.join(LOSSY, "%s.frame%d.i32le.gz" % (rel.replace("/", "_"), fr)), "wb", mtime=0) as g:
                    g.write(values[fr].astype("<i4").tobytes())
        rows.append((rel, oracle, str(frames), str(ds.Rows), str(ds.Columns), str(samples), ",".join(hashes)))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# file\toracle\tframes\trows\tcolumns\tsamples\tsha256 per frame (int32 LE stored values)"
                "  (made by backend/src/test/scripts/dicom/make_pixel_goldens.py)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("wrote %d pixel goldens" % len(rows))
    for r in rows:
        if r[1].startswith("oracle-failed"):
            print(" ", r[0], r[1])


if __name__ == "__main__":
    main()
