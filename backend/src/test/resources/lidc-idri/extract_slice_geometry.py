#!/usr/bin/python3
"""Extracts the per-image geometry of the LIDC-IDRI demo slabs into slice-geometry.json (a test fixture).

Run once from the backend module directory with Debian's python (it has pydicom):
    /usr/bin/python3 src/test/resources/lidc-idri/extract_slice_geometry.py
The tests read the committed JSON, so they need neither python nor a DICOM codec.
"""
import json
import pathlib

import pydicom

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parents[3] / "demo-data" / "lidc-idri"

cases = {}
for case_dir in sorted(p for p in DATA.iterdir() if p.is_dir()):
    images = []
    for f in sorted(case_dir.rglob("*.dcm")):
        ds = pydicom.dcmread(str(f), stop_before_pixels=True)
        images.append({
            "file": str(f.relative_to(DATA)),
            "sopInstanceUid": str(ds.SOPInstanceUID),
            "imagePositionPatient": [float(v) for v in ds.ImagePositionPatient],
            "imageOrientationPatient": [float(v) for v in ds.ImageOrientationPatient],
            "pixelSpacing": [float(v) for v in ds.PixelSpacing],
            "rows": int(ds.Rows),
            "columns": int(ds.Columns),
        })
    xml = [str(p.relative_to(DATA)) for p in case_dir.rglob("*.xml")]
    cases[case_dir.name] = {"annotationXml": xml[0] if xml else None, "images": images}

out = HERE / "slice-geometry.json"
out.write_text(json.dumps({"source": "backend/demo-data/lidc-idri (pydicom " + pydicom.__version__ + ")",
                           "cases": cases}, indent=1) + "\n")
print("wrote", out, {k: len(v["images"]) for k, v in cases.items()})
