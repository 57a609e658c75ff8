#!/usr/bin/python3
"""Dev-only: derives a second "phase" from the demo CT so the multi-phase viewer can be exercised.

The demo data set has a single CT series. This writes, into OUT_DIR, a new series (new Series/SOP Instance UIDs,
same Study and Frame of Reference) holding every second slice of a sub-range of the original: 6 mm spacing and a
different z-range, exactly the situation linked scrolling by patient position must handle. Instance numbers run
in reverse so that sorting by InstanceNumber would be wrong. The pixels are unchanged (this is NOT a real second
contrast phase). The files are written uncompressed; load-demo.sh compresses them to JPEG-LS lossless with dcmcjpls
so that the worker codecs are exercised too.

Usage: /usr/bin/python3 make-second-phase.py SOURCE_DIR OUT_DIR
"""
import os
import sys

import pydicom
from pydicom.uid import generate_uid


def main(source_dir: str, out_dir: str) -> None:
    os.makedirs(out_dir, exist_ok=True)
    files = sorted(f for f in os.listdir(source_dir) if f.endswith(".dcm"))
    datasets = [pydicom.dcmread(os.path.join(source_dir, f)) for f in files]
    datasets.sort(key=lambda ds: float(ds.ImagePositionPatient[2]))
    chosen = datasets[8:70:2]  # 31 slices, 6 mm apart, inside the original z-range
    series_uid = generate_uid(entropy_srcs=["delineo-dev-second-phase", str(datasets[0].SeriesInstanceUID)])
    for n, ds in enumerate(chosen):
        ds.SeriesInstanceUID = series_uid
        ds.SOPInstanceUID = generate_uid(entropy_srcs=["delineo-dev-second-phase", str(ds.SOPInstanceUID)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.SeriesNumber = 202
        ds.SeriesDescription = "DERIVED 6mm (dev second phase)"
        ds.InstanceNumber = len(chosen) - n
        ds.SliceThickness = 6
        ds.ImageType = ["DERIVED", "SECONDARY", "AXIAL"]
        ds.save_as(os.path.join(out_dir, f"phase2-{n:03d}.dcm"))
    print(f"wrote {len(chosen)} slices of series {series_uid} to {out_dir}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
