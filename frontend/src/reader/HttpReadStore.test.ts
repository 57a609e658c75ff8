import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { CanonicalRead } from '../viewer/canonical';
import { HttpReadStore, type AuthorisedFetch, type MyReadView } from './HttpReadStore';
import { ReadConflictError } from '../reading/ReadStore';

const SERIES = '1.2.3.4';
const SOP = '1.2.3.4.5';

function view(patch: Partial<MyReadView> = {}): MyReadView {
  return {
    readId: 7,
    caseId: 12,
    reader: 'reader1',
    status: 'IN_PROGRESS',
    version: 3,
    content: {
      lesions: [
        {
          id: 'a',
          label: 'primary tumour',
          seriesInstanceUid: SERIES,
          contours: [{ sopInstanceUid: SOP, points: [[0, 0, 1], [1, 0, 1], [0, 1, 1]], origin: 'freehand' }],
        },
      ],
    },
    updatedAt: '2025-01-01T00:00:00Z',
    submittedAt: null,
    ...patch,
  };
}

const read: CanonicalRead = {
  lesions: [
    { id: 'b', label: 'primary tumour', seriesInstanceUid: SERIES, contours: [{ sopInstanceUid: SOP, points: [[0, 0, 1], [2, 0, 1], [0, 2, 1]], origin: 'freehand' }] },
  ],
};

interface Call {
  path: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake portal: answers each request with the next scripted response and records what was sent. */
function fakeFetch(...answers: { status: number; body: unknown; etag?: string }[]) {
  const calls: Call[] = [];
  const http: AuthorisedFetch = async (path, init = {}) => {
    calls.push({
      path,
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const a = answers.shift();
    if (!a) throw new Error(`unexpected request ${init.method ?? 'GET'} ${path}`);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (a.etag) headers.ETag = a.etag;
    return new Response(JSON.stringify(a.body), { status: a.status, headers });
  };
  return { http, calls };
}

describe('HttpReadStore', () => {
  it('loads the read with its ETag as version and remembers the read id', async () => {
    const { http, calls } = fakeFetch({ status: 200, body: view(), etag: '"3"' });
    const store = new HttpReadStore(12, http);
    const snapshot = await store.load();
    expect(calls[0]).toMatchObject({ path: '/api/cases/12/my-read', method: 'GET' });
    expect(snapshot.version).toBe('"3"');
    expect(snapshot.submitted).toBe(false);
    expect(snapshot.read.lesions[0].contours[0].origin).toBe('freehand');
    expect(store.view?.readId).toBe(7);
  });

  it('treats a never-saved read (version 0) as version null and saves it with If-Match "0"', async () => {
    const { http, calls } = fakeFetch(
      { status: 200, body: view({ readId: null, version: 0, status: 'NOT_STARTED', content: { lesions: [] } }), etag: '"0"' },
      { status: 200, body: view({ version: 1 }), etag: '"1"' },
    );
    const store = new HttpReadStore(12, http);
    const snapshot = await store.load();
    expect(snapshot).toEqual({ read: { lesions: [] }, version: null, submitted: false });
    expect(await store.save(read, snapshot.version)).toEqual({ version: '"1"' });
    expect(calls[1].method).toBe('PUT');
    expect(calls[1].headers['If-Match']).toBe('"0"');
    expect(calls[1].headers['Content-Type']).toBe('application/json');
    expect(calls[1].body).toEqual(read);
  });

  it('names the edited version in If-Match and takes the new version from the ETag', async () => {
    const { http, calls } = fakeFetch({ status: 200, body: view({ version: 4 }), etag: '"4"' });
    expect(await new HttpReadStore(12, http).save(read, '"3"')).toEqual({ version: '"4"' });
    expect(calls[0].headers['If-Match']).toBe('"3"');
  });

  it('maps a 409 with the stored read to a ReadConflictError carrying that read', async () => {
    const current = view({ version: 5, status: 'SUBMITTED', submittedAt: '2025-01-02T00:00:00Z' });
    const { http } = fakeFetch({
      status: 409,
      body: { status: 409, error: 'Conflict', message: 'this read is submitted and read-only', currentVersion: 5, current },
    });
    const error = await new HttpReadStore(12, http).save(read, '"3"').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadConflictError);
    const conflict = error as ReadConflictError;
    expect(conflict.current.version).toBe('"5"');
    expect(conflict.current.submitted).toBe(true);
    expect(conflict.current.read.lesions[0].id).toBe('a');
  });

  it('maps a 412 to a conflict with the read loaded anew', async () => {
    const { http, calls } = fakeFetch(
      { status: 412, body: { message: 'precondition failed' } },
      { status: 200, body: view({ version: 6 }), etag: '"6"' },
    );
    const error = await new HttpReadStore(12, http).submit('"3"').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadConflictError);
    expect((error as ReadConflictError).current.version).toBe('"6"');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/cases/12/my-read/submit', 'GET /api/cases/12/my-read']);
    expect(calls[0].headers['If-Match']).toBe('"3"');
  });

  it('passes other refusals on with the server message (a closed study is no version conflict)', async () => {
    const { http } = fakeFetch({ status: 409, body: { status: 409, message: 'the study is closed; reads cannot change' } });
    const error = await new HttpReadStore(12, http).save(read, '"3"').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ReadConflictError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('the study is closed; reads cannot change');
    const bad = fakeFetch({ status: 400, body: { message: 'the read was not saved: lesion 1: label must be one of [x]' } });
    await expect(new HttpReadStore(12, bad.http).save(read, null)).rejects.toThrow('label must be one of');
  });

  it('submits with If-Match and reports the submitted view to listeners', async () => {
    const { http, calls } = fakeFetch({ status: 200, body: view({ status: 'SUBMITTED' }), etag: '"3"' });
    const store = new HttpReadStore(12, http);
    const seen: string[] = [];
    store.onView((v) => seen.push(v.status));
    expect(await store.submit('"3"')).toEqual({ version: '"3"' });
    expect(calls[0].headers['If-Match']).toBe('"3"');
    expect(seen).toEqual(['SUBMITTED']);
  });

  it('fills null origins and a missing series from the fallback', async () => {
    const stored = view({
      content: { lesions: [{ id: 'x', label: 'primary tumour', seriesInstanceUid: null, contours: [{ sopInstanceUid: SOP, points: [[0, 0, 1], [1, 0, 1], [0, 1, 1]], origin: null }] }] },
    });
    const { http } = fakeFetch({ status: 200, body: stored, etag: '"3"' });
    const snapshot = await new HttpReadStore(12, http, SERIES).load();
    expect(snapshot.read.lesions[0].seriesInstanceUid).toBe(SERIES);
    expect('origin' in snapshot.read.lesions[0].contours[0]).toBe(false);
    const again = fakeFetch({ status: 200, body: stored, etag: '"3"' });
    await expect(new HttpReadStore(12, again.http).load()).rejects.toThrow('does not name its series');
  });
});
