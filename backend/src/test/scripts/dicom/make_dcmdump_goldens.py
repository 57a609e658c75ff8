#!/usr/bin/python3
"""Produces the dcmdump conformance goldens for io.delineo.dicom tests (run once; output is committed).

Oracle: dcmtk's dcmdump 3.6.7 (Debian 12), restricted to the standard dictionary (DCMDICTPATH=dicom.dic, so
private tags in implicit-VR files stay UN, as in our reader). Options: +L (all values), -Un (UIDs as numbers),
+uc (UN converted to the dictionary VR when the tag is known, as our reader does), -q.
Text values of the character-set sensitive VRs (SH LO ST LT UT UC PN) come from a second run with +U8 (dcmtk converts
them to UTF-8); every other value, the lengths and (0008,0005) come from the run without conversion (+U8 rewrites
(0008,0005) to ISO_IR 192). When dcmtk cannot convert a character set (ISO 2022 IR 87), text stays raw and the
index says so.

Output (backend/src/test/resources/dicom/golden/dcmdump/):
  index.tsv          file <TAB> status (ok | ok-raw-text | dcmdump-failed) <TAB> dcmdump options <TAB> note
  <file>.tsv         path <TAB> VR <TAB> length <TAB> value
path: tags as GGGGEEEE (upper case hex) joined by '/', sequence items by index, fragments as f<index>:
  300A0010/0/300A0012.  SQ value: item count.  Items: VR 'item', value empty.  Encapsulated pixel data: VR OB,
  value 'fragments=<n>', then one 'pi' line per fragment (item) with its length.
value: dcmdump's printed value without [] brackets; '' for '(no value available)'. A printed value longer than
  256 characters (except FL/FD/OF/OD, compared numerically) is replaced by 'sha256:' + SHA-256 (hex) of the printed
  text (UTF-8), so the goldens stay small but still pin every byte (the Java test renders its value the same way and
  hashes it). Otherwise '%', control characters and DEL are written as %XX so every value stays on one line.
Run: /usr/bin/python3 backend/src/test/scripts/dicom/make_dcmdump_goldens.py
"""
import glob
import hashlib
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BACKEND = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
DATA = os.path.join(BACKEND, "src", "test", "resources", "dicom", "pydicom-test-files", "test_files")
OUT = os.path.join(BACKEND, "src", "test", "resources", "dicom", "golden", "dcmdump")
DICT = glob.glob("/usr/share/libdcmtk*/dicom.dic")[0]
TEXT_VRS = {"SH", "LO", "ST", "LT", "UT", "UC", "PN"}
NON_DICOM = {"README.txt", "dicomdirtests/README.txt", "dicomdirtests/TINY_ALPHA/README", "rtplan.dump",
             "rtstruct.dump", "test1.json", "test_PN.json", "zipMR.gz"}
LINE = re.compile(r"(?s)^(?P<indent> *)\((?P<group>[0-9a-f]{4}),(?P<element>[0-9a-f]{4})\) (?P<vr>\S\S) (?P<value>.*?)\s*"
                  r"#\s*(?P<length>\d+|u/l),\s*(?P<vm>\d+|\?)\s+[^#]*$")
START = re.compile(r"^ *\([0-9a-f]{4},[0-9a-f]{4}\) \S\S ")
HASH_ABOVE = 256
FLOAT_VRS = {"FL", "FD", "OF", "OD"}


def dcmdump(path, extra, quiet=True):
    env = dict(os.environ, DCMDICTPATH=DICT)
    cmd = ["dcmdump"] + (["-q"] if quiet else []) + ["+L", "-Un", "+uc"] + extra + [path]
    run = subprocess.run(cmd, env=env, capture_output=True)
    return run.returncode, run.stdout.decode("utf-8", "surrogateescape"), run.stderr.decode("utf-8", "replace")


def parse(text):
    """Yields (depth, tag, vr, length, value) for each element line of a dcmdump listing."""
    pending = None  # a value with line breaks (LT, UT...) spans several printed lines
    for raw in text.split("\n"):
        if pending is not None:
            raw = pending + "\n" + raw
            pending = None
        m = LINE.match(raw)
        if not m and START.match(raw):
            pending = raw
            continue
        if m:
            yield (len(m.group("indent")) // 2, (m.group("group") + m.group("element")).upper(), m.group("vr"),
                   m.group("length"), m.group("value"))


def value_of(printed):
    if printed.startswith("(no value available)"):
        return ""
    if printed.startswith("[") and printed.endswith("]"):
        return printed[1:-1]
    return printed


def shrink(value, vr=""):
    """Hashes long values (not floats, which the test compares numerically) and escapes control characters."""
    if len(value) > HASH_ABOVE and vr not in FLOAT_VRS:
        return "sha256:" + hashlib.sha256(value.encode("utf-8", "surrogateescape")).hexdigest()
    return "".join("%%%02X" % ord(c) if c == "%" or ord(c) < 0x20 or ord(c) == 0x7F else c for c in value)


def rows(raw_lines, utf8_lines):
    out = []
    stack = []  # (depth, path prefix, counter list) for open sequences / items
    # +U8 adds or rewrites (0008,0005); align the two listings without it
    utf8_iter = iter(l for l in utf8_lines if l[1] != "00080005") if utf8_lines is not None else None
    for depth, tag, vr, length, printed in raw_lines:
        utf8 = next(utf8_iter) if utf8_iter is not None and tag != "00080005" else None
        while stack and stack[-1][0] >= depth:
            stack.pop()
        prefix = stack[-1][1] if stack else ""
        if tag == "FFFEE0DD" or tag == "FFFEE00D":
            continue
        if tag == "FFFEE000":
            parent = stack[-1] if stack else None
            if parent is None:
                raise ValueError("item outside a sequence: %s" % (tag,))
            index = parent[2][0]
            parent[2][0] += 1
            if vr == "pi":
                path = "%sf%d" % (prefix, index)
                out.append((path, "pi", length, shrink(value_of(printed))))
            else:
                path = "%s%d" % (prefix, index)
                out.append((path, "item", length, ""))
                stack.append((depth, path + "/", [0]))
            continue
        path = prefix + tag
        if vr == "SQ" or printed.startswith("(PixelSequence"):
            count = re.search(r"#=(\d+)", printed).group(1)
            value = count if vr == "SQ" else "fragments=%s" % count
            out.append((path, vr, length, value))
            stack.append((depth, path + "/", [0]))
            continue
        value = value_of(printed)
        if vr in TEXT_VRS and utf8 is not None and tag != "00080005":
            value = value_of(utf8[4])
        out.append((path, vr, length, shrink(value, vr)))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    index = []
    files = sorted(os.path.relpath(p, DATA) for p in glob.glob(os.path.join(DATA, "**", "*"), recursive=True)
                   if os.path.isfile(p))
    for rel in files:
        if rel in NON_DICOM:
            index.append((rel, "not-dicom", "", "not a DICOM file"))
            continue
        path = os.path.join(DATA, rel)
        options = []
        rc, raw, err = dcmdump(path, options)
        if rc != 0:
            err = dcmdump(path, options, quiet=False)[2]
            first_error = next((l for l in err.splitlines() if l.startswith(("E:", "F:"))), err.strip()[:200])
            index.append((rel, "dcmdump-failed", " ".join(options), first_error))
            continue
        raw_lines = list(parse(raw))
        rc8, utf8, err8 = dcmdump(path, options + ["+U8"])
        status = "ok"
        utf8_lines = list(parse(utf8)) if rc8 == 0 else None
        if utf8_lines is not None and [l[:3] for l in utf8_lines if l[1] != "00080005"] != \
                [l[:3] for l in raw_lines if l[1] != "00080005"]:
            sys.exit("structure of +U8 dump differs for " + rel)
        note = ""
        if utf8_lines is None:
            status = "ok-raw-text"
            note = next((l for l in err8.splitlines() if l.startswith("E:")), "").replace("\t", " ")
        out_path = os.path.join(OUT, rel + ".tsv")
        os.makedirs(os.path.dirname(out_path), exist_ok=True)
        with open(out_path, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as f:
            for r in rows(raw_lines, utf8_lines):
                f.write("\t".join(r) + "\n")
        index.append((rel, status, " ".join(options), note))
    with open(os.path.join(OUT, "index.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# file\tstatus\tdcmdump options\tnote  (made by backend/src/test/scripts/dicom/make_dcmdump_goldens.py)\n")
        for r in index:
            f.write("\t".join(r) + "\n")
    print("wrote goldens for %d files" % sum(1 for r in index if r[1].startswith("ok")))
    for r in index:
        if not r[1].startswith("ok"):
            print(" ", r)


if __name__ == "__main__":
    main()
