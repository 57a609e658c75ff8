import type { Pathology, PathologyInput, PathologySource, WhoGrade } from '../api/pi';

/** The pathology form's fields as typed (numbers as text, '' = not recorded). */
export interface PathologyDraft {
  whoGrade: WhoGrade | '';
  ki67Percent: string;
  mitoticCount: string;
  source: PathologySource | '';
  releasedToBoard: boolean;
}

export function pathologyDraftOf(p: Pathology | null): PathologyDraft {
  return {
    whoGrade: p?.whoGrade ?? '',
    ki67Percent: p?.ki67Percent === null || p?.ki67Percent === undefined ? '' : String(p.ki67Percent),
    mitoticCount: p?.mitoticCount === null || p?.mitoticCount === undefined ? '' : String(p.mitoticCount),
    source: p?.source ?? '',
    releasedToBoard: p?.releasedToBoard ?? false,
  };
}

function number(text: string, name: string, max: number): number | null | string {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const v = Number(t);
  if (!Number.isFinite(v)) return `${name} must be a number.`;
  if (v < 0 || v > max) return `${name} must be between 0 and ${max}.`;
  return v;
}

/** The request body, or a sentence saying what to correct. */
export function pathologyInputOf(d: PathologyDraft): PathologyInput | string {
  const ki67 = number(d.ki67Percent, 'The Ki-67 index', 100);
  if (typeof ki67 === 'string') return ki67;
  const mitoses = number(d.mitoticCount, 'The mitotic count', 100000);
  if (typeof mitoses === 'string') return mitoses;
  return {
    whoGrade: d.whoGrade || null,
    ki67Percent: ki67,
    mitoticCount: mitoses,
    source: d.source || null,
    releasedToBoard: d.releasedToBoard,
  };
}
