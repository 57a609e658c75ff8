"""Multi-process check of cluster mode (run by `./delineo test` through scripts/cluster.sh: cluster_test).

Stores one fresh DICOM instance through replica 1 (STOW-RS) and reads it back (WADO-RS) through replica 2, then
through haproxy (round robin: both replicas answer), then kills replica 1 with SIGKILL and reads through haproxy
again. Every read must return the stored bytes exactly. With S3 storage the bucket must hold the instance too.
Standard library + Debian's pydicom only (/usr/bin/python3).
"""
import argparse
import hashlib
import io
import json
import os
import signal
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pydicom


def fail(message):
    print("cluster check FAILED: " + message, file=sys.stderr)
    sys.exit(1)


def token(keycloak, user):
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "delineo-test",
                                   "username": user, "password": user}).encode()
    with urllib.request.urlopen(keycloak + "/protocol/openid-connect/token", body, timeout=30) as r:
        return json.load(r)["access_token"]


def fresh_instance(folder):
    """The first demo CT slice with new Study/Series/SOP Instance UIDs, so every run stores something new."""
    first = sorted(f for f in os.listdir(folder) if f.endswith(".dcm"))[0]
    ds = pydicom.dcmread(os.path.join(folder, first))
    ds.StudyInstanceUID, ds.SeriesInstanceUID = "2.25.%d" % uuid.uuid4().int, "2.25.%d" % uuid.uuid4().int
    ds.SOPInstanceUID = "2.25.%d" % uuid.uuid4().int
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.PatientID = "DELINEO-CLUSTER-TEST"
    out = io.BytesIO()
    ds.save_as(out, write_like_original=False)
    return ds, out.getvalue()


def request(url, bearer, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers={"Authorization": "Bearer " + bearer, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def stow(base, bearer, data):
    boundary = "delineo-cluster-" + uuid.uuid4().hex
    body = (b"--" + boundary.encode() + b"\r\nContent-Type: application/dicom\r\n\r\n" + data
            + b"\r\n--" + boundary.encode() + b"--\r\n")
    status, _, answer = request(base + "/dicom-web/studies", bearer, body,
                                {"Content-Type": 'multipart/related; type="application/dicom"; boundary=' + boundary,
                                 "Accept": "application/dicom+json"})
    if status != 200:
        fail("STOW-RS through %s answered %d: %s" % (base, status, answer[:500].decode(errors="replace")))


def only_part(content_type, body):
    """The single body part of a multipart/related answer."""
    params = dict(p.strip().split("=", 1) for p in content_type.split(";")[1:] if "=" in p)
    boundary = params.get("boundary", "").strip('"').encode()
    if not boundary:
        fail("the WADO-RS answer is not multipart (Content-Type: %s)" % content_type)
    parts = body.split(b"--" + boundary)[1:-1]
    if len(parts) != 1:
        fail("expected one part in the WADO-RS answer, got %d" % len(parts))
    head, payload = parts[0].split(b"\r\n\r\n", 1)
    return payload[:-2] if payload.endswith(b"\r\n") else payload


def read_back(base, bearer, ds, expected, what):
    url = "%s/dicom-web/studies/%s/series/%s/instances/%s" % (base, ds.StudyInstanceUID, ds.SeriesInstanceUID,
                                                              ds.SOPInstanceUID)
    status, ctype, body = request(url, bearer, headers={
        "Accept": 'multipart/related; type="application/dicom"; transfer-syntax=*'})
    if status != 200:
        fail("WADO-RS %s answered %d: %s" % (what, status, body[:500].decode(errors="replace")))
    got = only_part(ctype, body)
    if hashlib.sha256(got).hexdigest() != hashlib.sha256(expected).hexdigest():
        fail("WADO-RS %s returned %d bytes that differ from the %d stored" % (what, len(got), len(expected)))
    print("  read %s: %d bytes, identical to what was stored" % (what, len(got)))


def bucket_holds(blobs_dir, data):
    digest = hashlib.sha256(data).hexdigest()
    for folder, _, files in os.walk(blobs_dir):
        for f in files:
            path = os.path.join(folder, f)
            if os.path.getsize(path) == len(data):
                with open(path, "rb") as fh:
                    if hashlib.sha256(fh.read()).hexdigest() == digest:
                        return path
    return None


def main():
    a = argparse.ArgumentParser()
    for name in ("keycloak", "dicom", "write", "read", "balancer", "s3-dir", "storage"):
        a.add_argument("--" + name, required=True)
    a.add_argument("--kill-pid", type=int, required=True)
    args = a.parse_args()

    bearer = token(args.keycloak, "pi")
    ds, data = fresh_instance(args.dicom)
    stow(args.write, bearer, data)
    print("  stored SOP Instance %s (%d bytes) through replica 1 (%s)" % (ds.SOPInstanceUID, len(data), args.write))
    if args.storage == "s3":
        where = bucket_holds(args.s3_dir, data)
        if where is None:
            fail("the instance is not in the S3 bucket (%s): replica 1 did not store it in S3" % args.s3_dir)
        print("  the S3 bucket holds it: " + where)
    read_back(args.read, bearer, ds, data, "through replica 2 (%s)" % args.read)
    for i in range(4):
        read_back(args.balancer, bearer, ds, data, "through haproxy, request %d" % (i + 1))
    os.kill(args.kill_pid, signal.SIGKILL)
    print("  replica 1 (pid %d) killed with SIGKILL" % args.kill_pid)
    for i in range(4):
        read_back(args.balancer, bearer, ds, data, "through haproxy after the kill, request %d" % (i + 1))
    print("cluster check passed")


if __name__ == "__main__":
    main()
