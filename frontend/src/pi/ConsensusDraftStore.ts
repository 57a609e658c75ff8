import type { Consensus } from '../api/pi';
import type { ReadSnapshot, ReadStore } from '../reading/ReadStore';
import { canonicalFromServer } from '../reading/serverRead';
import { parseCanonicalRead, type CanonicalRead } from '../viewer/canonical';

/** The two server calls the consensus editor needs (piApi in the portal). */
export interface ConsensusApi {
  consensus(caseId: number): Promise<Consensus[]>;
  createEdited(caseId: number, content: CanonicalRead, basedOn: number): Promise<Consensus>;
}

/** Where drafts live: sessionStorage in the portal (survives a reload of the tab, not closing it). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The PI's edit of one consensus version, behind the reader screen's store interface. Edits are kept as a draft in
 * this tab only (a consensus version is immutable, and an autosave per edit would make dozens of versions); "submit"
 * stores the draft as one new EDITED consensus version based on the version the PI started from.
 */
export class ConsensusDraftStore implements ReadStore {
  /** The version the server created on submit. */
  created: Consensus | null = null;

  constructor(
    readonly caseId: number,
    readonly fromVersion: number,
    private readonly api: ConsensusApi,
    private readonly storage: DraftStorage,
    private readonly seriesFallback?: string,
  ) {}

  private get key(): string {
    return `delineo:consensus-draft:${this.caseId}:${this.fromVersion}`;
  }

  private draft(): { read: CanonicalRead; version: string } | null {
    const text = this.storage.getItem(this.key);
    if (!text) return null;
    try {
      const parsed = JSON.parse(text) as { read: unknown; version: string };
      return { read: parseCanonicalRead(parsed.read), version: String(parsed.version) };
    } catch {
      this.storage.removeItem(this.key); // a damaged draft is dropped, the stored version is shown instead
      return null;
    }
  }

  async load(): Promise<ReadSnapshot> {
    const draft = this.draft();
    if (draft) return { read: draft.read, version: draft.version, submitted: false };
    const versions = await this.api.consensus(this.caseId);
    const origin = versions.find((v) => v.version === this.fromVersion);
    if (!origin) throw new Error(`this case has no consensus version ${this.fromVersion}`);
    return { read: canonicalFromServer(origin.content, this.seriesFallback), version: null, submitted: false };
  }

  async save(read: CanonicalRead, version: string | null): Promise<{ version: string }> {
    const next = String(Number(version ?? '0') + 1);
    this.storage.setItem(this.key, JSON.stringify({ read, version: next }));
    return { version: next };
  }

  async submit(version: string): Promise<{ version: string }> {
    const draft = this.draft();
    if (!draft || draft.version !== version) throw new Error('the edited consensus is not saved in this tab; edit it again');
    this.created = await this.api.createEdited(this.caseId, draft.read, this.fromVersion);
    this.storage.removeItem(this.key);
    return { version: String(this.created.version) };
  }
}
