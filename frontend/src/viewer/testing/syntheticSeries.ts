import type { InstanceInfo } from '../dicomJson';
import { add, scale, type Vec3 } from '../geometry';

/** Test support: instances of a synthetic stack (not used by the product). */
export interface SyntheticStackSpec {
  seriesUid?: string;
  frameOfReferenceUid?: string;
  count: number;
  rows?: number;
  columns?: number;
  /** [between rows, between columns] */
  pixelSpacing?: [number, number];
  orientation?: [number, number, number, number, number, number];
  /** IPP of the first generated slice. */
  firstPosition?: Vec3;
  /** Step from one generated slice to the next (patient mm). */
  step?: Vec3;
}

export function syntheticInstances(spec: SyntheticStackSpec): InstanceInfo[] {
  const seriesUid = spec.seriesUid ?? '1.2.3.4';
  const first = spec.firstPosition ?? [0, 0, 0];
  const step = spec.step ?? [0, 0, -3];
  return Array.from({ length: spec.count }, (_, n) => ({
    studyInstanceUid: '1.2.3',
    seriesInstanceUid: seriesUid,
    sopInstanceUid: `${seriesUid}.${n + 1}`,
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    modality: 'CT',
    seriesDescription: 'synthetic',
    instanceNumber: n + 1,
    frameOfReferenceUid: spec.frameOfReferenceUid ?? '1.2.3.9',
    imagePositionPatient: add(first, scale(step, n)),
    imageOrientationPatient: spec.orientation ?? [1, 0, 0, 0, 1, 0],
    pixelSpacing: spec.pixelSpacing ?? [1, 1],
    rows: spec.rows ?? 64,
    columns: spec.columns ?? 64,
    numberOfFrames: 1,
    sliceThickness: undefined,
    spacingBetweenSlices: undefined,
  }));
}

/** A deterministic pseudo-random generator (mulberry32), so failures are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles a copy of the array with the given generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let n = copy.length - 1; n > 0; n--) {
    const m = Math.floor(random() * (n + 1));
    [copy[n], copy[m]] = [copy[m], copy[n]];
  }
  return copy;
}
