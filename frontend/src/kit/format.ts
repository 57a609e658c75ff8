/** Number and date formatting for the PI's tables; a missing or undefined value shows as an em dash. */
export const MISSING = '—';

export function fixed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const s = value.toFixed(digits);
  // no "-0.00": a value that rounds to zero is zero
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

/** Dice, Jaccard, sensitivity, specificity: unitless in [0, 1]. */
export const ratio = (v: number | null | undefined) => fixed(v, 3);
/** Distances in millimetres. */
export const mm = (v: number | null | undefined) => fixed(v, 1);
/** Volumes in millilitres. */
export const ml = (v: number | null | undefined) => fixed(v, 2);

export function signed(value: number | null | undefined, digits: number): string {
  const s = fixed(value, digits);
  return s !== MISSING && Number(s) > 0 ? '+' + s : s;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** First–last slice as 1-based image indices of the series. */
export function sliceRange(first: number | null, last: number | null): string {
  if (first === null || last === null) return MISSING;
  return first === last ? `${first + 1}` : `${first + 1}–${last + 1}`;
}

/** A long DICOM UID shortened to its tail, for tables (the full UID goes into a tooltip). */
export function uidTail(uid: string, keep = 10): string {
  return uid.length <= keep + 1 ? uid : '…' + uid.slice(-keep);
}
