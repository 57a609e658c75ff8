#!/usr/bin/python3
"""STOW-RS and WADO-RS frame rates through a load balancer, for 1 against 2 portal replicas (bench/cluster/README.md).

Each target is measured in turn within one repetition (the order alternates between repetitions), after one warm-up
repetition that is not counted:
  STOW: one fresh 79-instance set (make_stow_sets.py), one instance per POST, --stow-clients threads;
  WADO: frame 1 of every demo CT instance, 4 passes (316 requests), --frame-clients threads, keep-alive connections.
Prints medians and writes every repetition to --out (TSV). Standard library + Debian pydicom (/usr/bin/python3).
"""
import argparse
import http.client
import json
import os
import statistics
import threading
import time
import urllib.parse
import urllib.request
import uuid

import pydicom

FRAME_ACCEPT = 'multipart/related; type="application/octet-stream"; transfer-syntax=*'


def token(keycloak, admin_user, admin_password):
    """A password-grant token for `pi`, through a bench client created in this (development) Keycloak if missing."""
    def post(url, form):
        with urllib.request.urlopen(url, urllib.parse.urlencode(form).encode(), timeout=30) as r:
            return json.load(r)
    admin = post(keycloak + "/realms/master/protocol/openid-connect/token",
                 {"grant_type": "password", "client_id": "admin-cli", "username": admin_user,
                  "password": admin_password})["access_token"]
    req = urllib.request.Request(keycloak + "/admin/realms/delineo/clients?clientId=delineo-bench",
                                 headers={"Authorization": "Bearer " + admin})
    with urllib.request.urlopen(req, timeout=30) as r:
        exists = json.load(r)
    if not exists:
        body = json.dumps({"clientId": "delineo-bench", "publicClient": True, "directAccessGrantsEnabled": True,
                           "standardFlowEnabled": False, "fullScopeAllowed": True, "protocolMappers": [
                               {"name": "delineo-api audience", "protocol": "openid-connect",
                                "protocolMapper": "oidc-audience-mapper",
                                "config": {"included.client.audience": "delineo-api", "access.token.claim": "true",
                                           "id.token.claim": "false"}}]}).encode()
        urllib.request.urlopen(urllib.request.Request(
            keycloak + "/admin/realms/delineo/clients", body, method="POST",
            headers={"Authorization": "Bearer " + admin, "Content-Type": "application/json"}), timeout=30)
    return post(keycloak + "/realms/delineo/protocol/openid-connect/token",
                {"grant_type": "password", "client_id": "delineo-bench", "username": "pi",
                 "password": "pi"})["access_token"]


def run_parallel(base, bearer, jobs, clients, call):
    """Runs call(connection, job) for every job on `clients` threads with one keep-alive connection each."""
    url = urllib.parse.urlparse(base)
    queue, lock, errors = list(jobs), threading.Lock(), []

    def worker():
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        while True:
            with lock:
                if not queue:
                    break
                job = queue.pop()
            try:
                call(conn, bearer, job)
            except Exception as e:  # noqa: BLE001 - reported below, the run is then invalid
                errors.append(repr(e))
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise SystemExit("%d requests failed, first: %s" % (len(errors), errors[0]))
    return elapsed


def stow_one(conn, bearer, path):
    with open(path, "rb") as f:
        data = f.read()
    boundary = uuid.uuid4().hex
    body = b"--%s\r\nContent-Type: application/dicom\r\n\r\n%s\r\n--%s--\r\n" % (boundary.encode(), data,
                                                                                  boundary.encode())
    conn.request("POST", "/dicom-web/studies", body, {
        "Authorization": "Bearer " + bearer, "Accept": "application/dicom+json",
        "Content-Type": 'multipart/related; type="application/dicom"; boundary=' + boundary})
    r = conn.getresponse()
    r.read()
    if r.status != 200:
        raise RuntimeError("STOW %s: HTTP %d" % (path, r.status))


def frame_one(conn, bearer, path):
    conn.request("GET", path, headers={"Authorization": "Bearer " + bearer, "Accept": FRAME_ACCEPT})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200 or len(body) < 512 * 512 * 2:
        raise RuntimeError("frame %s: HTTP %d, %d bytes" % (path, r.status, len(body)))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--target", action="append", required=True, help="name=url, e.g. 1-replica=http://localhost:27070")
    a.add_argument("--keycloak", required=True)
    a.add_argument("--demo", required=True)
    a.add_argument("--sets", required=True)
    a.add_argument("--reps", type=int, default=3)
    a.add_argument("--stow-clients", type=int, default=4)
    a.add_argument("--frame-clients", type=int, default=8)
    a.add_argument("--admin", default="kcadmin")
    a.add_argument("--out", required=True)
    args = a.parse_args()

    targets = [t.split("=", 1) for t in args.target]
    bearer = token(args.keycloak, args.admin, args.admin)
    frames = []
    for f in sorted(os.listdir(args.demo)):
        if f.endswith(".dcm"):
            ds = pydicom.dcmread(os.path.join(args.demo, f), stop_before_pixels=True)
            frames.append("/dicom-web/studies/%s/series/%s/instances/%s/frames/1" % (
                ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID))
    sets = sorted(os.path.join(args.sets, d) for d in os.listdir(args.sets))
    needed = (args.reps + 1) * len(targets)
    if len(sets) < needed:
        raise SystemExit("need %d STOW sets, found %d" % (needed, len(sets)))

    rows = []
    for rep in range(args.reps + 1):
        order = targets if rep % 2 == 0 else list(reversed(targets))
        for name, url in order:
            files = [os.path.join(s, f) for s in [sets.pop()] for f in sorted(os.listdir(s))]
            t = run_parallel(url, bearer, files, args.stow_clients, stow_one)
            stow = len(files) / t
            t = run_parallel(url, bearer, frames * 4, args.frame_clients, frame_one)
            wado = len(frames) * 4 / t
            label = "warm-up" if rep == 0 else "rep %d" % rep
            print("%s %s: STOW %.1f instances/s, WADO frames %.1f frames/s" % (label, name, stow, wado), flush=True)
            if rep > 0:
                rows.append((name, rep, stow, wado))

    with open(args.out, "w") as out:
        out.write("target\trep\tstow_instances_per_s\twado_frames_per_s\n")
        for r in rows:
            out.write("%s\t%d\t%.2f\t%.2f\n" % r)
    print("\n| target | STOW-RS, %d clients (instances/s) | WADO-RS frames, %d clients (frames/s) |"
          % (args.stow_clients, args.frame_clients))
    print("|---|---:|---:|")
    medians = {}
    for name, _ in targets:
        s = statistics.median(r[2] for r in rows if r[0] == name)
        w = statistics.median(r[3] for r in rows if r[0] == name)
        medians[name] = (s, w)
        print("| %s | %.1f | %.1f |" % (name, s, w))
    if len(targets) == 2:
        (n1, (s1, w1)), (n2, (s2, w2)) = list(medians.items())
        print("| ratio %s / %s | %.2f | %.2f |" % (n2, n1, s2 / s1, w2 / w1))


if __name__ == "__main__":
    main()
