#!/usr/bin/python3
"""DICOM JSON goldens (PS3.18 F.2) made once with pydicom 2.3.1's Dataset.to_json_dict (committed output).

Every conformance file pydicom can convert is written to golden/json/<file>.json with: file meta left out, and
every binary value (OB OD OF OL OV OW UN, pixel data) replaced by {"BulkDataURI": "bulk:" + GGGGEEEE} so the test
can use the same mapping. Files pydicom cannot convert are listed in golden/json/index.tsv with pydicom's error.
Run: /usr/bin/python3 backend/src/test/scripts/dicom/make_json_goldens.py
"""
import json
import os
import warnings

import pydicom

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
BACKEND = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
DATA = os.path.join(BACKEND, "src", "test", "resources", "dicom", "pydicom-test-files", "test_files")
INDEX = os.path.join(BACKEND, "src", "test", "resources", "dicom", "golden", "dcmdump", "index.tsv")
OUT = os.path.join(BACKEND, "src", "test", "resources", "dicom", "golden", "json")


def bulk(element):
    return "bulk:%08X" % int(element.tag)


def main():
    os.makedirs(OUT, exist_ok=True)
    status = []
    with open(INDEX, encoding="utf-8") as f:
        files = [l.split("\t")[0] for l in f if not l.startswith("#") and l.split("\t")[1].startswith("ok")]
    for rel in files:
        try:
            ds = pydicom.dcmread(os.path.join(DATA, rel), force=True)
            doc = ds.to_json_dict(bulk_data_threshold=0, bulk_data_element_handler=bulk)
        except Exception as e:
            status.append((rel, "pydicom-failed: " + str(e).replace("\t", " ").replace("\n", " ")[:200]))
            continue
        out = os.path.join(OUT, rel + ".json")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        status.append((rel, "ok"))
    with open(os.path.join(OUT, "index.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tstatus  (made by backend/src/test/scripts/dicom/make_json_goldens.py)\n")
        for r in status:
            f.write("\t".join(r) + "\n")
    print("json goldens:", sum(1 for s in status if s[1] == "ok"), "ok")
    for s in status:
        if s[1] != "ok":
            print(" ", s)


if __name__ == "__main__":
    main()
