import type { Consensus, ReadView } from '../api/pi';
import { canonicalFromServer } from '../reading/serverRead';
import type { CanonicalRead } from '../viewer/canonical';

/** One thing the PI's case viewer can show: a reader's read, all readers overlaid (with a consensus), or a consensus version. */
export interface ReadChoice {
  /** `reader:<name>`, `all-readers`, `all-readers+consensus:<version>` or `consensus:<version>`. */
  key: string;
  /** What the selector lists. */
  label: string;
  /** The sentence above the viewer saying exactly whose contours are on screen. */
  caption: string;
  read: CanonicalRead;
}

const STATUS: Record<string, string> = { IN_PROGRESS: 'in progress', SUBMITTED: 'submitted', NOT_STARTED: 'not started' };

function lesionCount(read: CanonicalRead): string {
  const n = read.lesions.length;
  return `${n} lesion${n === 1 ? '' : 's'}`;
}

/**
 * The choices for a case: each reader with a saved read, "all readers" (each reader's lesions as separate lesions,
 * labelled with the reader, so every outline keeps its own colour; painted slices as outlines) when two or more have
 * one, the same with the approved (else newest) consensus among them, and each consensus version (newest first, as
 * the server lists them).
 */
export function readChoices(reads: readonly ReadView[], consensus: readonly Consensus[], seriesFallback?: string): ReadChoice[] {
  const saved = reads.filter((r) => r.version > 0);
  const choices: ReadChoice[] = saved.map((r) => {
    const read = canonicalFromServer(r.content, seriesFallback);
    return {
      key: `reader:${r.reader}`,
      label: `${r.reader} (v${r.version}, ${STATUS[r.status] ?? r.status})`,
      caption: `${r.reader}'s read, version ${r.version} (${STATUS[r.status] ?? r.status}), ${lesionCount(read)}`,
      read,
    };
  });
  const overlay = (read: CanonicalRead, who: string) =>
    read.lesions.map((l) => ({
      ...l,
      id: `${who}/${l.id}`,
      label: `${l.label} — ${who}`,
      // painted slices are shown as outlines here: in the viewer's one labelmap per series, overlapping brush
      // lesions of different readers would paint over each other (the outline gives exactly the same voxels)
      contours: l.contours.map((ct) => (ct.origin === 'brush' ? { sopInstanceUid: ct.sopInstanceUid, points: ct.points } : ct)),
    }));
  if (saved.length >= 2) {
    const read: CanonicalRead = { lesions: choices.flatMap((c, n) => overlay(c.read, saved[n].reader)) };
    const readers = saved.map((r) => `${r.reader} v${r.version}`).join(', ');
    choices.push({
      key: 'all-readers',
      label: `All readers overlaid (${saved.length})`,
      caption: `All ${saved.length} readers overlaid (${readers}), ${lesionCount(read)}`,
      read,
    });
    // with the consensus the PI would approve (the approved one, else the newest) drawn among them
    const shown = consensus.find((x) => x.approved) ?? consensus[0];
    if (shown) {
      const withConsensus: CanonicalRead = {
        lesions: [...read.lesions, ...overlay(canonicalFromServer(shown.content, seriesFallback), `consensus v${shown.version}`)],
      };
      choices.push({
        key: `all-readers+consensus:${shown.version}`,
        label: `All readers with consensus v${shown.version}`,
        caption: `All ${saved.length} readers overlaid (${readers}) with consensus version ${shown.version}, ${lesionCount(withConsensus)}`,
        read: withConsensus,
      });
    }
  }
  for (const x of consensus) {
    const read = canonicalFromServer(x.content, seriesFallback);
    const status = x.approved ? 'approved' : 'not approved';
    choices.push({
      key: `consensus:${x.version}`,
      label: `Consensus v${x.version} (${x.method.toLowerCase()}, ${status})`,
      caption: `Consensus version ${x.version} (${x.method.toLowerCase()}, ${status}), ${lesionCount(read)}`,
      read,
    });
  }
  return choices;
}

/** The choice to show first: the approved consensus, else the first reader's read, else the first choice. */
export function defaultChoice(choices: readonly ReadChoice[], consensus: readonly Consensus[]): string | null {
  const approved = consensus.find((c) => c.approved);
  if (approved) return `consensus:${approved.version}`;
  return choices.find((c) => c.key.startsWith('reader:'))?.key ?? choices[0]?.key ?? null;
}
