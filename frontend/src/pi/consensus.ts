import type { Consensus, ConsensusMethod, ConsensusSource, ReaderStat, ReadView } from '../api/pi';

/** How a consensus source read compares with the reader's read today. */
export interface SourceState {
  reader: string;
  readVersion: number;
  /** '' when the consensus still reflects the read as it stands. */
  note: string;
  current: boolean;
}

export function sourceStates(sources: readonly ConsensusSource[], reads: readonly ReadView[]): SourceState[] {
  return sources.map((s) => {
    const now = reads.find((r) => r.reader === s.reader);
    let note = '';
    if (!now) note = 'read no longer listed';
    else if (now.version !== s.readVersion) note = `read is now v${now.version}${now.status === 'SUBMITTED' ? '' : ', not submitted'}`;
    else if (now.status !== 'SUBMITTED') note = 'read reopened since';
    return { reader: s.reader, readVersion: s.readVersion, note, current: note === '' };
  });
}

/** A consensus is out of date when any read it came from has changed since. */
export function isOutdated(c: Pick<Consensus, 'sources'>, reads: readonly ReadView[]): boolean {
  return sourceStates(c.sources, reads).some((s) => !s.current);
}

export const METHOD_LABEL: Record<Consensus['method'], string> = {
  STAPLE: 'STAPLE',
  MAJORITY: 'Majority vote',
  EDITED: 'Edited by the PI',
};

/** The threshold's meaning per method, for the form. */
export function thresholdHelp(method: ConsensusMethod): string {
  return method === 'staple'
    ? 'A voxel belongs to the consensus when its STAPLE probability reaches the threshold.'
    : 'A voxel belongs to the consensus when at least this fraction of the readers drew it.';
}

/** The threshold as typed, or a sentence saying what to correct (the server takes (0, 1]). */
export function parseThreshold(text: string): number | string {
  const v = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(v)) return 'The threshold must be a number.';
  if (!(v > 0 && v <= 1)) return 'The threshold must be above 0 and at most 1.';
  return v;
}

/** STAPLE statistics grouped by lesion label, readers in the order the server gave. */
export function statsByLabel(stats: readonly ReaderStat[]): { label: string; readers: ReaderStat[] }[] {
  const out = new Map<string, ReaderStat[]>();
  for (const s of stats) {
    if (!out.has(s.label)) out.set(s.label, []);
    out.get(s.label)!.push(s);
  }
  return [...out.entries()].map(([label, readers]) => ({ label, readers }));
}
