#!/usr/bin/python3
"""Regenerates confidentiality-profile.tsv from innolitics' machine-readable extract of PS3.15 Table E.1-1.

Usage (the JSON is not fetched by this script; take it from github.com/innolitics/dicom-standard,
standard/confidentiality_profile_attributes.json, or generate it with that project from the current part15):
    /usr/bin/python3 backend/src/test/scripts/interop/make_deid_table.py confidentiality_profile_attributes.json COMMIT \
        > backend/src/main/resources/io/delineo/interop/deid/confidentiality-profile.tsv
Then run DeidentifierTest (it cross-checks every tag's name against the PS3.6 dictionary).
"""
import json
import re
import sys

OPTION_KEYS = [("rtnSafePrivOpt", "safePriv"), ("rtnUIDsOpt", "uids"), ("rtnDevIdOpt", "devId"),
               ("rtnInstIdOpt", "instId"), ("rtnPatCharsOpt", "patChars"), ("rtnLongFullDatesOpt", "fullDates"),
               ("rtnLongModifDatesOpt", "modDates"), ("cleanDescOpt", "cleanDesc"),
               ("cleanStructContOpt", "cleanStruct"), ("cleanGraphOpt", "cleanGraph")]


def main(path, commit):
    rows = json.load(open(path, encoding="utf-8"))
    print("# PS3.15 Table E.1-1 Application Level Confidentiality Profile Attributes (DICOM standard, NEMA), as extracted by")
    print("# github.com/innolitics/dicom-standard (standard/confidentiality_profile_attributes.json, commit")
    print("# " + commit + "); see README-confidentiality-profile.md for provenance and regeneration.")
    print("# Columns: tag (GGGGEEEE, x = any hex digit) | Basic Profile action | option actions | attribute name.")
    print("# Option keys: safePriv uids devId instId patChars fullDates modDates cleanDesc cleanStruct cleanGraph.")
    print("# Private attributes (odd groups) are X in the Basic Profile (safePriv=C): applied by rule, not listed here.")
    for r in rows:
        m = re.fullmatch(r"\(([0-9A-Fa-fXx]{4}),([0-9A-Fa-fXx]{4})\)", r["tag"])
        if not m:  # "(GGGG,EEEE) WHERE GGGG IS ODD": the private attribute rule
            continue
        tag = (m.group(1) + m.group(2)).upper().replace("X", "x")
        options = ",".join(key + "=" + r[field] for field, key in OPTION_KEYS if field in r)
        name = re.sub(r"\s*\(see Note \d+\)", "", r["name"].replace("\n", " ")).strip()
        print("\t".join([tag, r["basicProfile"], options, name]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
