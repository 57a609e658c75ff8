import { parseCanonicalRead, type CanonicalRead } from '../../src/viewer/canonical';
import { ReadConflictError, type ReadSnapshot, type ReadStore } from '../../src/reading/ReadStore';

/**
 * DEV ONLY: a ReadStore in localStorage with the server's optimistic versioning (a stale version is a conflict),
 * so two tabs of the harness produce real conflicts. Never used by the product.
 */
interface Stored {
  read: CanonicalRead;
  version: string;
  submitted: boolean;
}

export class LocalReadStore implements ReadStore {
  constructor(
    private readonly key: string,
    private readonly latencyMs = 0,
  ) {}

  private get(): Stored | null {
    const text = localStorage.getItem(this.key);
    if (!text) return null;
    const raw = JSON.parse(text) as Stored;
    return { read: parseCanonicalRead(raw.read), version: raw.version, submitted: raw.submitted };
  }

  private put(s: Stored): void {
    localStorage.setItem(this.key, JSON.stringify(s));
  }

  private wait(): Promise<void> {
    return new Promise((r) => setTimeout(r, this.latencyMs));
  }

  private snapshot(s: Stored | null): ReadSnapshot {
    return s ? { read: s.read, version: s.version, submitted: s.submitted } : { read: { lesions: [] }, version: null, submitted: false };
  }

  async load(): Promise<ReadSnapshot> {
    await this.wait();
    return this.snapshot(this.get());
  }

  async save(read: CanonicalRead, version: string | null): Promise<{ version: string }> {
    await this.wait();
    const current = this.get();
    if (current?.submitted || (current?.version ?? null) !== version) throw new ReadConflictError(this.snapshot(current));
    const next = String(Number(current?.version ?? 0) + 1);
    this.put({ read: parseCanonicalRead(JSON.parse(JSON.stringify(read))), version: next, submitted: false });
    return { version: next };
  }

  async submit(version: string): Promise<{ version: string }> {
    await this.wait();
    const current = this.get();
    if (!current || current.submitted || current.version !== version) throw new ReadConflictError(this.snapshot(current));
    const next = String(Number(current.version) + 1);
    this.put({ ...current, version: next, submitted: true });
    return { version: next };
  }
}
