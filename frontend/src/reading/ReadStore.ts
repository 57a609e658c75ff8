import type { CanonicalRead } from '../viewer/canonical';

/**
 * Where a reader's own read is kept. The portal implementation maps this onto
 *   GET  /api/cases/{caseId}/my-read          → load()    (ETag = version)
 *   PUT  /api/cases/{caseId}/my-read          → save()    (If-Match: version; 409/412 → ReadConflictError)
 *   POST /api/cases/{caseId}/my-read/submit   → submit()  (If-Match: version)
 * A version is opaque (an ETag). `null` means nothing has been saved yet (first PUT without If-Match).
 */
export interface ReadSnapshot {
  read: CanonicalRead;
  version: string | null;
  /** A submitted read is final and shown read-only. */
  submitted: boolean;
}

export interface ReadStore {
  load(): Promise<ReadSnapshot>;
  /** Saves a draft if `version` is still current; otherwise throws ReadConflictError with what is stored. */
  save(read: CanonicalRead, version: string | null): Promise<{ version: string }>;
  /** Makes the stored read (at `version`) final; throws ReadConflictError when it has changed meanwhile. */
  submit(version: string): Promise<{ version: string }>;
}

/** The stored read changed since we loaded it (another tab or device saved), or it was submitted meanwhile. */
export class ReadConflictError extends Error {
  constructor(readonly current: ReadSnapshot) {
    super(current.submitted ? 'this read was submitted in another window' : 'this read was changed in another window');
    this.name = 'ReadConflictError';
  }
}
