"""Multi-process check of cluster mode (run by `./delineo test` through scripts/cluster.sh: cluster_test).

Stores one fresh DICOM instance through replica 1 (STOW-RS) and reads it back (WADO-RS) through replica 2, then
through haproxy (round robin: both replicas answer). Then it starts a radiomics feature job on the LIDC-IDRI demo
study through replica 1 and at once kills replica 1 with SIGKILL, while the job's cases are still queued or running
there. Reads through haproxy must go on; the job, followed through replica 2, must reach DONE with every case item
succeeded, and the study's feature CSV must hold exactly one row per reader ROI (a case run twice, because its
replica died, stores one result). cluster.sh stops the test stack's portal first, so only the replicas run items;
which one ran each case is printed (from PostgreSQL, when psql is installed) and must be replica-1 or replica-2.
Every read must return the stored bytes exactly. With S3 storage the bucket must hold the instance too.
Standard library + Debian's pydicom only (/usr/bin/python3).
"""
import argparse
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
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


LIDC_STUDY_PREFIX = "Demo: LIDC-IDRI"
# quick settings with their own discretisation, so this job's results are not another test's
JOB_SETTINGS = {"dimensions": "3D", "resegmentation": {"range": [-1000, 400]},
                "discretisation": {"method": "FBS", "value": 40}}


def api_json(base, bearer, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    status, _, answer = request(base + path, bearer, data, {"Content-Type": "application/json"} if data else None)
    if status not in (200, 202):
        fail("%s %s answered %d: %s" % ("POST" if data else "GET", base + path, status,
                                         answer[:500].decode(errors="replace")))
    return json.loads(answer)


def lidc_study(base, bearer):
    studies = [s for s in api_json(base, bearer, "/api/reader-studies") if s["name"].startswith(LIDC_STUDY_PREFIX)]
    if len(studies) != 1:
        fail("expected one LIDC-IDRI demo study, found %d" % len(studies))
    return studies[0]


def start_feature_job(base, bearer):
    study = lidc_study(base, bearer)
    job = api_json(base, bearer, "/api/reader-studies/%d/feature-jobs" % study["id"], JOB_SETTINGS)
    print("  feature job %d on study %d (%d cases) started through replica 1 (%s): %s, %d of %d case items done"
          % (job["id"], study["id"], study["caseCount"], base, job["status"], job["cases"]["done"],
             job["cases"]["total"]))
    return study, job


def follow_feature_job(study, job, follow_base, csv_base, bearer, db_port):
    path = "/api/reader-studies/%d/feature-jobs/%d" % (study["id"], job["id"])
    began = time.monotonic()
    # a bound so a stuck job fails the test instead of hanging it (items take seconds each)
    while job["status"] != "DONE":
        if time.monotonic() - began > 300:
            fail("feature job %d is not DONE after 300 s: %s" % (job["id"], json.dumps(job)))
        time.sleep(1)
        job = api_json(follow_base, bearer, path)
    cases = job["cases"]
    if job["failed"] or job["errors"] or job["done"] != job["total"] or job["total"] == 0:
        fail("feature job %d: %d of %d ROIs done, %d failed, errors %s"
             % (job["id"], job["done"], job["total"], job["failed"], job["errors"]))
    if cases["total"] != study["caseCount"] or cases["done"] != cases["total"] or cases["failed"] or cases["cancelled"]:
        fail("feature job %d: case items %s, the study has %d cases" % (job["id"], cases, study["caseCount"]))
    print("  followed through replica 2 (%s) to DONE in %.0f s: %d of %d case items and %d of %d ROIs done, none failed"
          % (follow_base, time.monotonic() - began, cases["done"], cases["total"], job["done"], job["total"]))
    status, _, body = request("%s/api/reader-studies/%d/features.csv?settingsHash=%s"
                              % (csv_base, study["id"], job["settingsHash"]), bearer)
    if status != 200:
        fail("the feature CSV answered %d: %s" % (status, body[:500].decode(errors="replace")))
    lines = [l for l in body.decode().split("\r\n") if l]
    header, rows = lines[0].split(","), [l.split(",") for l in lines[1:]]
    key = [header.index(c) for c in ("case_id", "phase", "series_uid", "roi_source", "lesion_label")]
    keys = [tuple(r[i] for i in key) for r in rows]
    if len(rows) != job["total"] or len(set(keys)) != len(keys):
        fail("the feature CSV holds %d rows (%d distinct ROIs) for the job's %d ROIs"
             % (len(rows), len(set(keys)), job["total"]))
    print("  the feature CSV (through haproxy) holds %d rows, one per ROI, no duplicates" % len(rows))
    report_runners(db_port, job["id"])


def psql(db_port, sql):
    """Rows of a query on the test stack's database as lists of strings; None without psql or on an error."""
    if not shutil.which("psql"):
        return None
    out = subprocess.run(["psql", "-h", "localhost", "-p", str(db_port), "-U", "delineo", "-d", "delineo", "-At",
                          "-c", sql], env={**os.environ, "PGPASSWORD": "delineo"}, capture_output=True, text=True)
    if out.returncode != 0:
        print("  (could not query PostgreSQL: %s)" % out.stderr.strip())
        return None
    return [line.split("|") for line in out.stdout.splitlines()]


def wait_until_running_on_replica_1(db_port, job_id):
    """Best effort, so the kill hits a case in progress: up to 10 s for replica 1 to start one of the job's cases."""
    began = time.monotonic()
    while time.monotonic() - began < 10:
        rows = psql(db_port, "SELECT item_key FROM study_job_item WHERE job_fk = %d AND state = 'RUNNING' "
                             "AND run_by = 'replica-1'" % job_id)
        if rows is None:
            return "psql is not installed: killing at once"
        if rows:
            return "replica 1 is computing case item %s" % rows[0][0]
        if not psql(db_port, "SELECT 1 FROM study_job_item WHERE job_fk = %d AND state IN ('PENDING', 'RUNNING') "
                             "AND (run_by IS NULL OR run_by <> 'replica-1')" % job_id):
            break
        time.sleep(0.1)
    return "replica 1 did not start a case first"


def report_runners(db_port, job_id):
    rows = psql(db_port, "SELECT item_key, run_by, attempts FROM study_job_item WHERE job_fk = %d ORDER BY item_key"
                % job_id)
    if rows is None:
        print("  (which replica ran which case is not shown without psql)")
        return
    for item, runner, attempts in rows:
        print("  case item %s ran on %s (%s attempt%s)" % (item, runner, attempts, "" if attempts == "1" else "s"))
        # the test stack's portal is stopped: only the two replicas run items
        if runner not in ("replica-1", "replica-2"):
            fail("case item %s ran on %r, which is neither replica" % (item, runner))


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
    a.add_argument("--db-port", type=int, required=True)
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
    # a fresh token for the job and its polling (the reads above may have taken a while on a busy machine)
    bearer = token(args.keycloak, "pi")
    study, job = start_feature_job(args.write, bearer)
    moment = wait_until_running_on_replica_1(args.db_port, job["id"])
    os.kill(args.kill_pid, signal.SIGKILL)
    print("  replica 1 (pid %d) killed with SIGKILL while the job has cases left (%s)" % (args.kill_pid, moment))
    for i in range(4):
        read_back(args.balancer, bearer, ds, data, "through haproxy after the kill, request %d" % (i + 1))
    follow_feature_job(study, job, args.read, args.balancer, bearer, args.db_port)
    print("cluster check passed")


if __name__ == "__main__":
    main()
