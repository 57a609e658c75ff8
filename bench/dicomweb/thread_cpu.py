#!/usr/bin/python3
"""CPU time (user and kernel, from /proc) of one process's threads, grouped by thread name, over a command's run.

Usage: /usr/bin/python3 thread_cpu.py PID -- COMMAND [ARGS...]
Runs COMMAND, then prints the CPU milliseconds each thread group of PID used meanwhile (request worker threads,
Vert.x event loops, GC, JIT compiler, ...). Threads that start and end during the command are not seen: for
Quarkus that is fine, its pools keep their threads.
"""
import os
import re
import subprocess
import sys

TICK_MS = 1000.0 / os.sysconf("SC_CLK_TCK")


def group(name):
    for pattern, label in [(r"^executor-thread", "executor-thread-* (JAX-RS workers)"),
                           (r"^vert\.x-eventloo", "vert.x-eventloop-* (HTTP I/O)"),
                           (r"^vert\.x-worker", "vert.x-worker-*"),
                           (r"^(GC Thread|G1 )", "GC"),
                           (r"^C[12] CompilerThre", "JIT compiler"),
                           (r"^agroal", "agroal (JDBC pool)")]:
        if re.match(pattern, name):
            return label
    return "other: " + re.sub(r"[-#]?\d+$", "", name)


def snapshot(pid):
    out = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                s = f.read()
        except OSError:
            continue
        name = s[s.index("(") + 1:s.rindex(")")]
        fields = s[s.rindex(")") + 2:].split()
        out[tid] = (name, int(fields[11]), int(fields[12]))
    return out


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    pid = int(sys.argv[1])
    before = snapshot(pid)
    subprocess.run(sys.argv[3:], check=True)
    after = snapshot(pid)
    totals = {}
    for tid, (name, user, system) in after.items():
        _, user0, system0 = before.get(tid, (name, 0, 0))
        u, k = totals.get(group(name), (0, 0))
        totals[group(name)] = (u + user - user0, k + system - system0)
    total = sum(u + k for u, k in totals.values()) or 1
    print("CPU of pid %d by thread group: total ms (user + kernel), share" % pid)
    for label, (u, k) in sorted(totals.items(), key=lambda kv: -sum(kv[1])):
        if u + k:
            print("  %8.0f (%6.0f + %6.0f)  %5.1f%%  %s" % ((u + k) * TICK_MS, u * TICK_MS, k * TICK_MS,
                                                        100.0 * (u + k) / total, label))


if __name__ == "__main__":
    main()
