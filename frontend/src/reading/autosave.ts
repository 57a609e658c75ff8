import { serialiseCanonicalRead, type CanonicalRead } from '../viewer/canonical';
import { ReadConflictError, type ReadSnapshot, type ReadStore } from './ReadStore';

/**
 * Debounced autosave of a read through a ReadStore, with conflict handling that never loses either side:
 * on a version conflict saving stops, the reader's own edits keep accumulating, and nothing is written until the
 * reader chooses "reload theirs" (adopt the stored read) or "overwrite with mine" (save theirs' version over).
 * Transient failures are retried with back-off; the unsaved read stays in memory meanwhile.
 */

export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict' | 'submitting' | 'submitted';

export interface AutosaveStatus {
  state: SaveState;
  /** The version the next save will claim to replace. */
  version: string | null;
  lastSavedAt: number | null;
  error: string | null;
  /** Set in the conflict state: what is stored now. */
  theirs: ReadSnapshot | null;
  /** Edits not yet stored. */
  unsaved: boolean;
}

export interface AutosaveOptions {
  debounceMs?: number;
  /** Delays between retries of a failed save; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class AutosaveController {
  private readonly store: ReadStore;
  private readonly debounceMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private status: AutosaveStatus;
  private savedText: string;
  private latest: CanonicalRead;
  private latestText: string;
  private timer: unknown = null;
  private retries = 0;
  private inFlight: Promise<void> | null = null;
  private listeners = new Set<(s: AutosaveStatus) => void>();

  constructor(store: ReadStore, initial: ReadSnapshot, options: AutosaveOptions = {}) {
    this.store = store;
    this.debounceMs = options.debounceMs ?? 1500;
    this.retryDelaysMs = options.retryDelaysMs ?? [2000, 5000, 15000, 30000];
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.latest = initial.read;
    this.latestText = this.savedText = serialiseCanonicalRead(initial.read);
    this.status = {
      state: initial.submitted ? 'submitted' : 'saved',
      version: initial.version,
      lastSavedAt: null,
      error: null,
      theirs: null,
      unsaved: false,
    };
  }

  getStatus(): AutosaveStatus {
    return this.status;
  }

  subscribe(listener: (s: AutosaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The read the reader currently has (saved or not). */
  get currentRead(): CanonicalRead {
    return this.latest;
  }

  private set(patch: Partial<AutosaveStatus>): void {
    this.status = { ...this.status, ...patch, unsaved: this.latestText !== this.savedText };
    for (const l of this.listeners) l(this.status);
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.saveNow();
    }, ms);
  }

  /** Called on every edit with the whole read. */
  update(read: CanonicalRead): void {
    if (this.status.state === 'submitted' || this.status.state === 'submitting') {
      throw new Error('the read has been submitted and can no longer change');
    }
    this.latest = read;
    this.latestText = serialiseCanonicalRead(read);
    if (this.status.state === 'conflict') {
      this.set({});
      return;
    }
    if (this.latestText === this.savedText && this.status.state !== 'saving') {
      if (this.timer !== null) this.clearTimer(this.timer);
      this.timer = null;
      this.set({ state: this.status.state === 'error' ? 'error' : 'saved' });
      return;
    }
    this.retries = 0;
    if (this.status.state !== 'saving') this.set({ state: 'pending' });
    else this.set({});
    this.schedule(this.debounceMs);
  }

  /** Saves now if anything is unsaved (e.g. before submit); resolves when stored or rejects with the failure. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.status.state === 'conflict') throw new ReadConflictError(this.status.theirs!);
    if (this.latestText !== this.savedText || this.status.version === null) await this.saveNow(true);
    const after = this.status as AutosaveStatus; // saveNow changed it
    if (after.state === 'error') throw new Error(after.error ?? 'the read could not be saved');
    if (after.state === 'conflict') throw new ReadConflictError(after.theirs!);
  }

  private async saveNow(force = false): Promise<void> {
    if (this.inFlight) {
      // a save is running: save again when it ends
      await this.inFlight.catch(() => undefined);
    }
    if (this.status.state === 'conflict' || this.status.state === 'submitted') return;
    if (!force && this.latestText === this.savedText) return;
    const text = this.latestText;
    const read = this.latest;
    this.set({ state: 'saving', error: null });
    const attempt = this.store.save(read, this.status.version).then(
      ({ version }) => {
        this.savedText = text;
        this.retries = 0;
        this.set({ state: this.latestText === text ? 'saved' : 'pending', version, lastSavedAt: this.now(), error: null });
        if (this.latestText !== text) this.schedule(this.debounceMs);
      },
      (e: unknown) => {
        if (e instanceof ReadConflictError) {
          this.set({ state: 'conflict', theirs: e.current, error: e.message });
          return;
        }
        const delay = this.retryDelaysMs[Math.min(this.retries, this.retryDelaysMs.length - 1)];
        this.retries++;
        this.set({ state: 'error', error: `${e instanceof Error ? e.message : String(e)} — retrying in ${Math.round(delay / 1000)} s` });
        this.schedule(delay);
      },
    );
    this.inFlight = attempt;
    try {
      await attempt;
    } finally {
      if (this.inFlight === attempt) this.inFlight = null;
    }
  }

  /** Conflict resolution 1: adopt what is stored; returns the read the viewer must show. */
  takeTheirs(): ReadSnapshot {
    const theirs = this.status.theirs;
    if (this.status.state !== 'conflict' || !theirs) throw new Error('there is no conflict to resolve');
    this.latest = theirs.read;
    this.latestText = this.savedText = serialiseCanonicalRead(theirs.read);
    this.set({ state: theirs.submitted ? 'submitted' : 'saved', version: theirs.version, theirs: null, error: null });
    return theirs;
  }

  /** Conflict resolution 2: store the reader's own read over the stored one. */
  async keepMine(): Promise<void> {
    const theirs = this.status.theirs;
    if (this.status.state !== 'conflict' || !theirs) throw new Error('there is no conflict to resolve');
    if (theirs.submitted) throw new Error('the stored read is already submitted and cannot be overwritten');
    this.set({ state: 'pending', version: theirs.version, theirs: null, error: null });
    await this.saveNow(true);
  }

  /** Stores anything unsaved, then makes the read final. */
  async submit(): Promise<void> {
    await this.flush();
    const version = this.status.version;
    if (version === null) throw new Error('nothing has been saved to submit');
    this.set({ state: 'submitting', error: null });
    try {
      const { version: v } = await this.store.submit(version);
      this.set({ state: 'submitted', version: v });
    } catch (e) {
      if (e instanceof ReadConflictError) this.set({ state: 'conflict', theirs: e.current, error: e.message });
      else this.set({ state: 'error', error: `submitting failed: ${e instanceof Error ? e.message : String(e)}` });
      throw e;
    }
  }

  /** Stops autosaving; an edit still waiting for its debounce is saved first (best effort). */
  dispose(): void {
    const waiting = this.timer !== null;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.listeners.clear();
    if (waiting && (this.status.state === 'pending' || this.status.state === 'error')) void this.saveNow(true).catch(() => undefined);
  }
}
