#!/usr/bin/python3
"""Writes copies of a DICOM series with fresh Study/Series/SOP Instance UIDs, one folder per set, so every STOW
measurement stores objects neither server has seen. Everything else (pixel data, transfer syntax, other attributes)
is kept byte-for-byte as pydicom re-encodes it; PatientID is set to a bench value so that the demo patient's study
count (used by the QIDO measurement) does not grow with every STOW run.

Usage: /usr/bin/python3 make_stow_sets.py SOURCE_DIR OUT_DIR COUNT
Writes OUT_DIR/set-000 ... set-(COUNT-1), each with the same number of files as SOURCE_DIR.
Needs Debian's pydicom (/usr/bin/python3), not the pyenv python3 on PATH.
"""
import os
import sys

import pydicom
from pydicom.uid import generate_uid

BENCH_PATIENT_ID = "DELINEO-BENCH-STOW"


def make_set(sources, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    study_uid = generate_uid()
    series_uid = generate_uid()
    for path in sources:
        ds = pydicom.dcmread(path)
        sop_uid = generate_uid()
        ds.StudyInstanceUID = study_uid
        ds.SeriesInstanceUID = series_uid
        ds.SOPInstanceUID = sop_uid
        ds.file_meta.MediaStorageSOPInstanceUID = sop_uid
        ds.PatientID = BENCH_PATIENT_ID
        # same-size files: keep the original transfer syntax and encoding
        ds.save_as(os.path.join(out_dir, os.path.basename(path)), write_like_original=True)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sources = sorted(os.path.join(source, f) for f in os.listdir(source) if f.lower().endswith(".dcm"))
    if not sources:
        sys.exit("no .dcm files in " + source)
    for k in range(count):
        make_set(sources, os.path.join(out, "set-%03d" % k))
    print("wrote %d sets of %d files to %s" % (count, len(sources), out))


if __name__ == "__main__":
    main()
