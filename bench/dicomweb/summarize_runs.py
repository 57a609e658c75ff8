#!/usr/bin/python3
"""Markdown tables over several runs of run.sh. First a compact one: per measurement the median over the runs of
each run's median (warm-up excluded) for Delineo, Orthanc DICOMweb and Orthanc's native POST /instances, and the
Delineo/Orthanc ratio of every run. Then the detailed one: per run the medians with the range (min-max over that
run's repetitions), so the noise is visible.

Usage: /usr/bin/python3 summarize_runs.py results/runA.tsv results/runB.tsv ...
"""
import collections
import os
import statistics
import sys

SERVERS = ["Delineo", "Orthanc", "Orthanc native POST /instances"]


def load(path):
    values = collections.OrderedDict()
    with open(path) as f:
        next(f)
        for line in f:
            section, metric, server, rep, value, unit, _load = line.rstrip("\n").split("\t")
            if int(rep) > 0:
                values.setdefault((metric, unit), {}).setdefault(server, []).append(float(value))
    return values


def fmt(v):
    return "%.0f" % v if v >= 100 else "%.1f" % v if v >= 10 else "%.2f" % v


def cell(vs):
    if not vs:
        return ""
    return "%s (%s–%s)" % (fmt(statistics.median(vs)), fmt(min(vs)), fmt(max(vs)))


def main():
    runs = [(os.path.basename(p).rsplit(".", 1)[0], load(p)) for p in sys.argv[1:]]
    if not runs:
        sys.exit(__doc__)
    compact(runs)
    print()
    header = "| measurement | unit |"
    rule = "|---|---|"
    for name, _ in runs:
        header += " %s Delineo | %s Orthanc | %s D/O |" % (name, name, name)
        rule += "---:|---:|---:|"
    print(header + " Orthanc native POST /instances (last run) |")
    print(rule + "---:|")
    for key in runs[0][1]:
        row = "| %s | %s |" % key
        for _, values in runs:
            v = values.get(key, {})
            d, o = v.get("Delineo", []), v.get("Orthanc", [])
            ratio = statistics.median(d) / statistics.median(o) if d and o else float("nan")
            row += " %s | %s | %.2f |" % (cell(d), cell(o), ratio)
        row += " %s |" % cell(runs[-1][1].get(key, {}).get(SERVERS[2], []))
        print(row)


def compact(runs):
    names = ", ".join(name for name, _ in runs)
    print("| measurement | unit | Delineo | Orthanc DICOMweb | Delineo / Orthanc (%s) | Orthanc native |" % names)
    print("|---|---|---:|---:|---:|---:|")
    for key in runs[0][1]:
        medians = {s: [statistics.median(v[key][s]) for _, v in runs if s in v.get(key, {})] for s in SERVERS}
        ratios = []
        for _, v in runs:
            d, o = v.get(key, {}).get("Delineo"), v.get(key, {}).get("Orthanc")
            ratios.append("%.2f" % (statistics.median(d) / statistics.median(o)) if d and o else "-")
        cells = [fmt(statistics.median(medians[s])) if medians[s] else "" for s in SERVERS]
        print("| %s | %s | %s | %s | %s | %s |" % (key[0], key[1], cells[0], cells[1], " / ".join(ratios), cells[2]))


if __name__ == "__main__":
    main()
