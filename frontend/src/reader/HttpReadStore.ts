import { toApiError } from '../api/client';
import { accessToken } from '../auth/auth';
import type { CanonicalRead } from '../viewer/canonical';
import { ReadConflictError, type ReadSnapshot, type ReadStore } from '../reading/ReadStore';
import { canonicalFromServer } from '../reading/serverRead';

/** fetch() with the signed-in user's bearer token; answers every status (the store interprets them). */
export type AuthorisedFetch = (path: string, init?: RequestInit) => Promise<Response>;

export const portalFetch: AuthorisedFetch = async (path, init = {}) => {
  const token = await accessToken();
  return fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` } });
};

/** The server's view of the reader's own read (io.delineo.contour.ReadViews.ReadView). */
export interface MyReadView {
  /** null until the first save. */
  readId: number | null;
  caseId: number;
  reader: string;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED';
  version: number;
  content: unknown;
  updatedAt: string | null;
  submittedAt: string | null;
}

/** The ETag the server gives a read version: the number in quotes. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The reader's own read on the portal:
 *   GET  /api/cases/{id}/my-read         → load()   (ETag = version; version 0 = never saved → null)
 *   PUT  /api/cases/{id}/my-read         → save()   (If-Match always: the server answers 428 without it; a read
 *                                                     never saved is edited from version "0")
 *   POST /api/cases/{id}/my-read/submit  → submit() (If-Match)
 * A 409 carrying the stored read (`current`) or a 412 is a ReadConflictError with what is stored now; other 409s
 * (e.g. the study was closed) are plain errors with the server's message.
 */
export class HttpReadStore implements ReadStore {
  private lastView: MyReadView | null = null;
  private readonly listeners = new Set<(view: MyReadView) => void>();

  constructor(
    readonly caseId: number,
    private readonly http: AuthorisedFetch = portalFetch,
    /** The series of lesions stored without one (the case's only series), see canonicalFromServer. */
    private readonly seriesFallback?: string,
  ) {}

  private get path(): string {
    return `/api/cases/${this.caseId}/my-read`;
  }

  /** The last read view the server sent (for its readId), or null before the first answer. */
  get view(): MyReadView | null {
    return this.lastView;
  }

  /** Called with every read view the server sends (load, save, submit, conflict). */
  onView(listener: (view: MyReadView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private seen(view: MyReadView): void {
    this.lastView = view;
    for (const l of this.listeners) l(view);
  }

  private snapshot(view: MyReadView): ReadSnapshot {
    return {
      read: canonicalFromServer(view.content, this.seriesFallback),
      version: view.version === 0 ? null : etagOf(view.version),
      submitted: view.status === 'SUBMITTED',
    };
  }

  /** The version a response names: its ETag, else the body's version number. */
  private static versionOf(response: Response, view: MyReadView): string {
    return response.headers.get('ETag') ?? etagOf(view.version);
  }

  async load(): Promise<ReadSnapshot> {
    const response = await this.http(this.path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw await toApiError(response);
    const view = (await response.json()) as MyReadView;
    this.seen(view);
    const snapshot = this.snapshot(view);
    return view.version === 0 ? snapshot : { ...snapshot, version: HttpReadStore.versionOf(response, view) };
  }

  async save(read: CanonicalRead, version: string | null): Promise<{ version: string }> {
    const response = await this.http(this.path, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'If-Match': version ?? etagOf(0) },
      body: JSON.stringify(read),
    });
    if (!response.ok) throw await this.failure(response);
    const view = (await response.json()) as MyReadView;
    this.seen(view);
    return { version: HttpReadStore.versionOf(response, view) };
  }

  async submit(version: string): Promise<{ version: string }> {
    const response = await this.http(`${this.path}/submit`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'If-Match': version },
    });
    if (!response.ok) throw await this.failure(response);
    const view = (await response.json()) as MyReadView;
    this.seen(view);
    return { version: HttpReadStore.versionOf(response, view) };
  }

  /** A conflict with what is stored now, or the server's refusal as an error. */
  private async failure(response: Response): Promise<Error> {
    const error = await toApiError(response);
    const current = error.body.current as MyReadView | undefined;
    if (response.status === 409 && current && typeof current === 'object') {
      this.seen(current);
      return new ReadConflictError(this.snapshot(current));
    }
    if (response.status === 412) return new ReadConflictError(await this.load());
    return error;
  }
}
