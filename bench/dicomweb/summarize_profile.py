#!/usr/bin/python3
"""Summarises a JFR recording (wallclock.jfc) and jcmd Thread.print samples taken by profile.sh.

Usage: /usr/bin/python3 summarize_profile.py RECORDING.jfr THREAD_DUMPS.txt

Prints, for the portal's request threads:
  * CPU: hottest methods by self samples, and Delineo methods by inclusive samples (jdk.ExecutionSample);
  * waits: total time in fsync (jdk.FileForce), socket reads (JDBC round trips to PostgreSQL and others), lock and
    park waits, grouped by the innermost io.delineo frame that caused them;
  * thread-dump samples of executor threads busy in Delineo code, grouped by innermost Delineo frame + top frame.
"""
import collections
import re
import subprocess
import sys

OUR = "io.delineo."
DEPTH = 96


def jfr_events(recording, event):
    text = subprocess.run(["jfr", "print", "--events", event, "--stack-depth", str(DEPTH), recording],
                          check=True, capture_output=True, text=True).stdout
    events = []
    for block in re.split(r"\n(?=\S+ \{\n)", text):
        if "{" not in block:
            continue
        fields = {}
        frames = []
        in_stack = False
        for line in block.splitlines()[1:]:
            s = line.strip()
            if s.startswith("stackTrace = ["):
                in_stack = True
                continue
            if in_stack:
                if s == "]":
                    in_stack = False
                elif s != "...":
                    frames.append(re.sub(r"\s+line: \d+.*$", "", s))
                continue
            m = re.match(r"(\w+) = (.*)", s)
            if m:
                fields[m.group(1)] = m.group(2)
        fields["frames"] = frames
        events.append(fields)
    return events


def millis(duration):
    m = re.match(r"([\d.]+) (ns|us|ms|s|min|h)", duration or "")
    if not m:
        return 0.0
    factor = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3, "min": 6e4, "h": 3.6e6}[m.group(2)]
    return float(m.group(1)) * factor


def thread_of(event):
    m = re.match(r'"([^"]*)"', event.get("sampledThread") or event.get("eventThread") or "")
    return m.group(1) if m else "?"


def request_thread(name):
    return name.startswith("executor-thread") or name.startswith("vert.x-eventloop") or name.startswith("vert.x-worker")


def method_name(frame):
    return re.sub(r"\(.*$", "", frame)


def innermost_ours(frames):
    for f in frames:
        if f.startswith(OUR):
            return method_name(f)
    return "(no Delineo frame: " + (method_name(frames[-1]) if frames else "?") + ")"


def cpu(recording):
    samples = [e for e in jfr_events(recording, "jdk.ExecutionSample") if request_thread(thread_of(e))]
    print("== CPU samples of request threads (jdk.ExecutionSample, 10 ms):", len(samples))
    if not samples:
        return
    self_counts = collections.Counter(method_name(e["frames"][0]) for e in samples if e["frames"])
    print("-- hottest methods (self)")
    for m, n in self_counts.most_common(20):
        print("  %5.1f%%  %s" % (100.0 * n / len(samples), m))
    inclusive = collections.Counter()
    for e in samples:
        inclusive.update({method_name(f) for f in e["frames"] if f.startswith(OUR)})
    print("-- Delineo methods (inclusive)")
    for m, n in inclusive.most_common(25):
        print("  %5.1f%%  %s" % (100.0 * n / len(samples), m))
    by_thread = collections.Counter("event loop" if "eventloop" in thread_of(e) else "executor" for e in samples)
    print("-- by thread kind:", dict(by_thread))


def waits(recording):
    for event in ["jdk.FileForce", "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite",
                  "jdk.JavaMonitorEnter", "jdk.ThreadPark"]:
        events = [e for e in jfr_events(recording, event) if request_thread(thread_of(e))]
        # idle pool threads park in the executor: not a wait of a request
        events = [e for e in events if not any("EnhancedQueueExecutor.runThreadBody" in f for f in e["frames"][:6])]
        total = sum(millis(e.get("duration")) for e in events)
        print("== %s on request threads: %d events, %.0f ms total" % (event, len(events), total))
        groups = collections.defaultdict(lambda: [0, 0.0])
        for e in events:
            key = innermost_ours(e["frames"])
            if event == "jdk.SocketRead":
                key += "  [port %s]" % e.get("port", "?")
            groups[key][0] += 1
            groups[key][1] += millis(e.get("duration"))
        for key, (n, ms) in sorted(groups.items(), key=lambda kv: -kv[1][1])[:12]:
            print("  %8.0f ms  %6d x  %5.2f ms avg  %s" % (ms, n, ms / n, key))


def dumps(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    busy = collections.Counter()
    dumps_seen = text.count("Full thread dump")
    for block in re.split(r"\n\n(?=\")", text):
        if not block.startswith('"executor-thread'):
            continue
        frames = [m.group(1) for m in re.finditer(r"^\s+at (\S+)", block, re.M)]
        ours = [f for f in frames if f.startswith(OUR)]
        if not ours:
            continue
        busy[(method_name(ours[0]), method_name(frames[0]))] += 1
    total = sum(busy.values())
    print("== thread-dump samples: %d dumps, %d executor-thread samples inside Delineo code" % (dumps_seen, total))
    for (ours, top), n in busy.most_common(20):
        print("  %5.1f%%  %-70s  top: %s" % (100.0 * n / max(total, 1), ours, top))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cpu(sys.argv[1])
    print()
    waits(sys.argv[1])
    print()
    dumps(sys.argv[2])


if __name__ == "__main__":
    main()
