import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CanonicalRead } from '../viewer/canonical';
import { AutosaveController } from './autosave';
import { ReadConflictError, type ReadSnapshot, type ReadStore } from './ReadStore';

/** A store with optimistic versioning, as the server's ETag/If-Match will behave. */
class FakeStore implements ReadStore {
  stored: ReadSnapshot = { read: { lesions: [] }, version: null, submitted: false };
  saves: CanonicalRead[] = [];
  failNext = 0;
  private counter = 0;
  async load() {
    return structuredClone(this.stored);
  }
  async save(read: CanonicalRead, version: string | null) {
    await Promise.resolve();
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('network down');
    }
    if (this.stored.submitted || version !== this.stored.version) throw new ReadConflictError(structuredClone(this.stored));
    this.saves.push(read);
    this.stored = { read: structuredClone(read), version: `v${++this.counter}`, submitted: false };
    return { version: this.stored.version! };
  }
  async submit(version: string) {
    if (version !== this.stored.version) throw new ReadConflictError(structuredClone(this.stored));
    this.stored = { ...this.stored, version: `v${++this.counter}`, submitted: true };
    return { version: this.stored.version! };
  }
  /** Another tab saves. */
  externalSave(read: CanonicalRead) {
    this.stored = { read, version: `v${++this.counter}`, submitted: false };
  }
}

const read = (label: string): CanonicalRead => ({
  lesions: [{ id: label, label, seriesInstanceUid: '1.2', contours: [{ sopInstanceUid: '1.2.1', points: [[0, 0, 0], [1, 0, 0], [0, 1, 0]] }] }],
});

describe('autosave', () => {
  let store: FakeStore;
  beforeEach(() => {
    vi.useFakeTimers();
    store = new FakeStore();
  });
  afterEach(() => vi.useRealTimers());

  it('saves once after the edits settle, with the last read', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 1000 });
    c.update(read('a'));
    await vi.advanceTimersByTimeAsync(500);
    c.update(read('b'));
    expect(c.getStatus()).toMatchObject({ state: 'pending', unsaved: true });
    await vi.advanceTimersByTimeAsync(999);
    expect(store.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.saves).toEqual([read('b')]);
    expect(c.getStatus()).toMatchObject({ state: 'saved', version: 'v1', unsaved: false });
  });

  it('does not save an unchanged read', async () => {
    const c = new AutosaveController(store, { read: read('a'), version: 'v0', submitted: false }, { debounceMs: 10 });
    c.update(read('a'));
    await vi.advanceTimersByTimeAsync(100);
    expect(store.saves).toHaveLength(0);
    expect(c.getStatus().state).toBe('saved');
  });

  it('saves edits made while a save is running right after it', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 10 });
    c.update(read('a'));
    await vi.advanceTimersByTimeAsync(10); // save of "a" starts
    c.update(read('b'));
    await vi.advanceTimersByTimeAsync(100);
    expect(store.saves).toEqual([read('a'), read('b')]);
    expect(store.stored.read).toEqual(read('b'));
    expect(c.getStatus().state).toBe('saved');
  });

  it('retries a failed save with back-off and keeps the edit meanwhile', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 10, retryDelaysMs: [1000, 5000] });
    store.failNext = 2;
    c.update(read('a'));
    await vi.advanceTimersByTimeAsync(10);
    expect(c.getStatus()).toMatchObject({ state: 'error', unsaved: true });
    expect(c.getStatus().error).toMatch(/network down — retrying in 1 s/);
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.getStatus().error).toMatch(/retrying in 5 s/);
    await vi.advanceTimersByTimeAsync(5000);
    expect(c.getStatus()).toMatchObject({ state: 'saved', unsaved: false });
    expect(store.stored.read).toEqual(read('a'));
  });

  it('stops on a conflict, keeps collecting edits, and reloads theirs only when asked', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 10 });
    c.update(read('mine-1'));
    await vi.advanceTimersByTimeAsync(20);
    store.externalSave(read('theirs'));
    c.update(read('mine-2'));
    await vi.advanceTimersByTimeAsync(20);
    expect(c.getStatus().state).toBe('conflict');
    expect(c.getStatus().theirs?.read).toEqual(read('theirs'));
    c.update(read('mine-3'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.stored.read).toEqual(read('theirs')); // nothing overwritten silently
    expect(c.currentRead).toEqual(read('mine-3')); // nothing of mine lost either
    const theirs = c.takeTheirs();
    expect(theirs.read).toEqual(read('theirs'));
    expect(c.getStatus()).toMatchObject({ state: 'saved', version: store.stored.version, unsaved: false });
    c.update(read('after'));
    await vi.advanceTimersByTimeAsync(20);
    expect(store.stored.read).toEqual(read('after'));
  });

  it('overwrites with mine when the reader chooses so', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 10 });
    c.update(read('mine-1'));
    await vi.advanceTimersByTimeAsync(20);
    store.externalSave(read('theirs'));
    c.update(read('mine-2'));
    await vi.advanceTimersByTimeAsync(20);
    await c.keepMine();
    expect(store.stored.read).toEqual(read('mine-2'));
    expect(c.getStatus()).toMatchObject({ state: 'saved', version: store.stored.version });
  });

  it('submits after saving what is pending, and refuses edits afterwards', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 60_000 });
    c.update(read('final'));
    await c.submit();
    expect(store.stored).toMatchObject({ read: read('final'), submitted: true });
    expect(c.getStatus().state).toBe('submitted');
    expect(() => c.update(read('late'))).toThrow(/submitted/);
  });

  it('saves a still-debounced edit when disposed (leaving the screen)', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 60_000 });
    c.update(read('last'));
    c.dispose();
    await vi.advanceTimersByTimeAsync(1);
    expect(store.stored.read).toEqual(read('last'));
  });

  it('does not submit over a conflict', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 10 });
    c.update(read('a'));
    await vi.advanceTimersByTimeAsync(20);
    store.externalSave(read('theirs'));
    c.update(read('b'));
    await expect(c.submit()).rejects.toBeInstanceOf(ReadConflictError);
    expect(store.stored.submitted).toBe(false);
    expect(c.getStatus().state).toBe('conflict');
  });

  it('cannot overwrite a read that was submitted elsewhere', async () => {
    const c = new AutosaveController(store, { read: { lesions: [] }, version: null, submitted: false }, { debounceMs: 10 });
    c.update(read('a'));
    await vi.advanceTimersByTimeAsync(20);
    await store.submit(store.stored.version!);
    c.update(read('b'));
    await vi.advanceTimersByTimeAsync(20);
    expect(c.getStatus()).toMatchObject({ state: 'conflict', theirs: { submitted: true } });
    await expect(c.keepMine()).rejects.toThrow(/already submitted/);
    expect(c.takeTheirs().submitted).toBe(true);
    expect(c.getStatus().state).toBe('submitted');
  });
});
