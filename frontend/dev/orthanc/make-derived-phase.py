#!/usr/bin/python3
"""Dev only: derives an extra "phase" from the demo CT so the multi-phase viewer can be exercised.

The demo data set has a single CT series. This writes, into OUT_DIR, a new series (new Series/SOP Instance UIDs,
same Study and Frame of Reference) holding every STEP-th slice of a sub-range of the original (starting at slice
FIRST in ascending z): a coarser spacing and a different z-range, exactly the situation linked scrolling by
patient position must handle. Instance numbers run in reverse so that sorting by InstanceNumber would be wrong.
The pixels are unchanged (this is NOT a real contrast phase). The files are written uncompressed; load-demo.sh
compresses them (JPEG-LS lossless, JPEG lossless) so that the worker codecs are exercised too.

Usage: /usr/bin/python3 make-derived-phase.py SOURCE_DIR OUT_DIR STEP FIRST SERIES_NUMBER DESCRIPTION
"""
import os
import sys

import pydicom
from pydicom.uid import generate_uid


def main(source_dir: str, out_dir: str, step: int, first: int, series_number: int, description: str) -> None:
    os.makedirs(out_dir, exist_ok=True)
    files = sorted(f for f in os.listdir(source_dir) if f.endswith(".dcm"))
    datasets = [pydicom.dcmread(os.path.join(source_dir, f)) for f in files]
    datasets.sort(key=lambda ds: float(ds.ImagePositionPatient[2]))
    chosen = datasets[first : len(datasets) - first : step]
    seed = f"delineo-dev-phase-{series_number}"
    series_uid = generate_uid(entropy_srcs=[seed, str(datasets[0].SeriesInstanceUID)])
    spacing = float(datasets[1].ImagePositionPatient[2]) - float(datasets[0].ImagePositionPatient[2])
    for n, ds in enumerate(chosen):
        ds.SeriesInstanceUID = series_uid
        ds.SOPInstanceUID = generate_uid(entropy_srcs=[seed, str(ds.SOPInstanceUID)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.SeriesNumber = series_number
        ds.SeriesDescription = description
        ds.InstanceNumber = len(chosen) - n
        ds.SliceThickness = round(spacing * step, 3)
        ds.ImageType = ["DERIVED", "SECONDARY", "AXIAL"]
        ds.save_as(os.path.join(out_dir, f"phase{series_number}-{n:03d}.dcm"))
    print(f"wrote {len(chosen)} slices of series {series_uid} ({description}) to {out_dir}")


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
