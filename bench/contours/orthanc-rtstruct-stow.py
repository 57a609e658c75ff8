#!/usr/bin/python3
"""Peer for save-latency.mjs: what a save costs when a viewer stores contours the OHIF way, as an RTSTRUCT sent by
STOW-RS to a PACS (Orthanc + DICOMweb plugin). N concurrent clients each store S versions back to back, each a new
SOP instance (a PACS keeps every version as an object of its own). Client-side encoding is done before timing.

  /usr/bin/python3 bench/contours/orthanc-rtstruct-stow.py <rtstruct.dcm> [--orthanc http://localhost:28042]
                   [--clients 20] [--saves 40] [--think 0]

The RTSTRUCT should be Delineo's export of the read save-latency.mjs writes (12 contours × 64 points), so both
sides store the same geometry: GET /api/reads/{id}/export?format=rtstruct.
"""
import argparse, io, random, threading, time, urllib.request
import pydicom
from pydicom.uid import generate_uid

ap = argparse.ArgumentParser()
ap.add_argument('rtstruct')
ap.add_argument('--orthanc', default='http://localhost:28042')
ap.add_argument('--clients', type=int, default=20)
ap.add_argument('--saves', type=int, default=40)
ap.add_argument('--think', type=float, default=0, help='pause between saves, ms (×0.5–1.5, as save-latency.mjs)')
a = ap.parse_args()

template = pydicom.dcmread(a.rtstruct)
BOUNDARY = 'delineo-bench-boundary'


def body():
    template.SOPInstanceUID = generate_uid()
    template.file_meta.MediaStorageSOPInstanceUID = template.SOPInstanceUID
    buf = io.BytesIO()
    template.save_as(buf, write_like_original=False)
    return (f'--{BOUNDARY}\r\nContent-Type: application/dicom\r\n\r\n'.encode() + buf.getvalue()
            + f'\r\n--{BOUNDARY}--\r\n'.encode())


bodies = [[body() for _ in range(a.saves)] for _ in range(a.clients)]
latencies, lock = [], threading.Lock()


def client(mine):
    for b in mine:
        req = urllib.request.Request(a.orthanc + '/dicom-web/studies', data=b, method='POST', headers={
            'Content-Type': f'multipart/related; type="application/dicom"; boundary={BOUNDARY}',
            'Accept': 'application/dicom+json'})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req) as r:
            r.read()
            assert r.status == 200, r.status
        with lock:
            latencies.append((time.perf_counter() - t0) * 1000)
        if a.think > 0:
            time.sleep(a.think / 1000 * (0.5 + random.random()))


threads = [threading.Thread(target=client, args=(m,)) for m in bodies]
started = time.perf_counter()
for t in threads: t.start()
for t in threads: t.join()
wall = time.perf_counter() - started
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, max(0, -(-p * len(latencies) // 100) - 1))]
print(f'{len(latencies)} RTSTRUCT STOWs ({len(bodies[0][0]) / 1024:.1f} KiB) by {a.clients} clients in {wall:.1f} s '
      f'({len(latencies) / wall:.0f}/s)')
print(f'latency ms: p50 {pct(50):.1f}  p95 {pct(95):.1f}  max {latencies[-1]:.1f}')
