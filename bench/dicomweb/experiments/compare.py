#!/usr/bin/python3
"""Medians of two groups of DicomWebBench TSV files (warm-up rounds excluded), side by side.

Usage: compare.py BASE.tsv... -- PATCHED.tsv...
"""
import collections
import statistics
import sys


def load(paths):
    values = collections.OrderedDict()
    for path in paths:
        with open(path) as f:
            next(f)
            for line in f:
                section, metric, server, rep, value, unit, _load = line.rstrip("\n").split("\t")
                if int(rep) == 0:
                    continue
                values.setdefault((metric, unit), []).append(float(value))
    return values


def main():
    args = sys.argv[1:]
    if "--" not in args:
        sys.exit(__doc__)
    cut = args.index("--")
    base, patched = load(args[:cut]), load(args[cut + 1:])
    print("| measurement | unit | base (median, n) | patched (median, n) | patched / base |")
    print("|---|---|---:|---:|---:|")
    for key, b in base.items():
        p = patched.get(key, [])
        mb = statistics.median(b)
        mp = statistics.median(p) if p else float("nan")
        print("| %s | %s | %.3g (%d) | %.3g (%d) | %.2f |" % (key[0], key[1], mb, len(b), mp, len(p), mp / mb))


if __name__ == "__main__":
    main()
