import { parseCanonicalRead, type CanonicalRead } from '../viewer/canonical';

/**
 * The server stores reads, consensus versions and board ROIs in the canonical form (io.delineo.contour.ReadContent),
 * but its JSON writes absent optional fields as null: a contour without `origin`, or a lesion whose series was never
 * derived (data stored before lesions named their series). This turns such a body into the viewer's canonical read.
 *
 * `seriesFallback`: the series a lesion without one is drawn on — only unambiguous when the case shows one series.
 */
export function canonicalFromServer(content: unknown, seriesFallback?: string): CanonicalRead {
  if (typeof content !== 'object' || content === null || !Array.isArray((content as { lesions?: unknown }).lesions)) {
    throw new Error('the server sent contours without a "lesions" list');
  }
  const lesions = (content as { lesions: unknown[] }).lesions.map((raw, n) => {
    if (typeof raw !== 'object' || raw === null) return raw;
    const lesion = { ...(raw as Record<string, unknown>) };
    if (lesion.seriesInstanceUid === null || lesion.seriesInstanceUid === undefined) {
      if (!seriesFallback) {
        throw new Error(`lesion ${n + 1} (${String(lesion.label)}) does not name its series, and this case shows several`);
      }
      lesion.seriesInstanceUid = seriesFallback;
    }
    if (Array.isArray(lesion.contours)) {
      lesion.contours = lesion.contours.map((c: unknown) => {
        if (typeof c !== 'object' || c === null) return c;
        const contour = { ...(c as Record<string, unknown>) };
        if (contour.origin === null) delete contour.origin;
        return contour;
      });
    }
    return lesion;
  });
  return parseCanonicalRead({ lesions });
}

/** The series to assume for lesions that do not name one: the case's only series, else none. */
export function onlySeries(seriesUids: readonly string[]): string | undefined {
  const distinct = [...new Set(seriesUids)];
  return distinct.length === 1 ? distinct[0] : undefined;
}
