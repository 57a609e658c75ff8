import { describe, expect, it } from 'vitest';
import type { Consensus } from '../api/pi';
import type { CanonicalRead } from '../viewer/canonical';
import { ConsensusDraftStore, type ConsensusApi, type DraftStorage } from './ConsensusDraftStore';

const SERIES = '1.2.3.4';
const SOP = '1.2.3.4.5';

function lesion(id: string, side: number) {
  return { id, label: 'primary tumour', seriesInstanceUid: SERIES, contours: [{ sopInstanceUid: SOP, points: [[0, 0, 1], [side, 0, 1], [0, side, 1]] as [number, number, number][], origin: 'freehand' as const }] };
}

function consensus(version: number, content: unknown): Consensus {
  return {
    id: version, caseId: 12, version, method: 'STAPLE', threshold: 0.5, basedOn: null, approved: false, approvedBy: null,
    approvedAt: null, createdBy: 'pi', createdAt: '2026-01-01T00:00:00Z', sources: [], readers: [],
    content: content as Consensus['content'],
  };
}

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) { return this.items.get(k) ?? null; }
  setItem(k: string, v: string) { this.items.set(k, v); }
  removeItem(k: string) { this.items.delete(k); }
}

function api(versions: Consensus[]) {
  const created: { content: CanonicalRead; basedOn: number }[] = [];
  const a: ConsensusApi = {
    consensus: async () => versions,
    createEdited: async (_caseId, content, basedOn) => {
      created.push({ content, basedOn });
      return { ...consensus(versions.length + 1, content), method: 'EDITED', basedOn };
    },
  };
  return { a, created };
}

describe('ConsensusDraftStore', () => {
  it('starts from the chosen version, keeps edits as a draft in the tab, and stores one new version on submit', async () => {
    const storage = new MemoryStorage();
    const { a, created } = api([consensus(2, { lesions: [lesion('m', 5)] }), consensus(1, { lesions: [lesion('s', 4)] })]);
    const store = new ConsensusDraftStore(12, 1, a, storage);
    const first = await store.load();
    expect(first.read.lesions.map((l) => l.id)).toEqual(['s']);
    expect(first.version).toBeNull();

    const edited: CanonicalRead = { lesions: [lesion('s', 4), lesion('t', 9)] };
    const { version } = await store.save({ lesions: [lesion('s', 6)] }, null);
    const { version: second } = await store.save(edited, version);
    expect(created).toHaveLength(0); // drafts never reach the server

    // a reload of the tab comes back to the draft, not to the stored version
    const reloaded = await new ConsensusDraftStore(12, 1, a, storage).load();
    expect(reloaded.read).toEqual(edited);
    expect(reloaded.version).toBe(second);

    const done = await store.submit(second);
    expect(done.version).toBe('3');
    expect(created).toEqual([{ content: edited, basedOn: 1 }]);
    expect(store.created?.method).toBe('EDITED');
    expect(storage.items.size).toBe(0);
  });

  it('refuses a version the case does not have, and a submit of something not saved', async () => {
    const { a } = api([consensus(1, { lesions: [] })]);
    await expect(new ConsensusDraftStore(12, 4, a, new MemoryStorage()).load()).rejects.toThrow('no consensus version 4');
    await expect(new ConsensusDraftStore(12, 1, a, new MemoryStorage()).submit('1')).rejects.toThrow('not saved');
  });

  it('drops a damaged draft and shows the stored version', async () => {
    const storage = new MemoryStorage();
    storage.setItem('delineo:consensus-draft:12:1', '{"read": {"lesions": "nope"}, "version": "2"}');
    const { a } = api([consensus(1, { lesions: [lesion('s', 4)] })]);
    const snapshot = await new ConsensusDraftStore(12, 1, a, storage).load();
    expect(snapshot.read.lesions.map((l) => l.id)).toEqual(['s']);
    expect(storage.items.size).toBe(0);
  });
});
