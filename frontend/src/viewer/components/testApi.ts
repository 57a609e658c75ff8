import type { CanonicalRead } from '../canonical';
import type { ViewerSession } from '../cornerstone/ViewerSession';

/**
 * A small, stable handle for browser tests (Playwright): `window.__delineoViewer`. It exposes only what the reader
 * sees anyway (their own read, slice positions, load timings), so it is safe in the product bundle.
 */
export interface ViewerTestApi {
  getCanonicalRead(): CanonicalRead;
  loadRead(read: CanonicalRead): Promise<void>;
  getSliceIndex(pane: number): number;
  /** Position of the slice on screen along its series normal (mm). */
  getSlicePositionMm(pane: number): number | null;
  setSlice(pane: number, k: number): void;
  getLoadTimings(): ReturnType<ViewerSession['loadTimings']>;
  lesions(): ReturnType<ViewerSession['getSnapshot']>['lesions'];
  whenLoaded(): Promise<void>;
  /** Resolves when the last edit has reached the canonical read (lesion volumes, onReadChange). */
  settled(): Promise<void>;
  canvasToPatient(pane: number, x: number, y: number): [number, number, number];
  patientToCanvas(pane: number, p: [number, number, number]): [number, number];
  contourCounts(): Record<string, number>;
}

declare global {
  interface Window {
    __delineoViewer?: ViewerTestApi;
  }
}

export function exposeTestApi(session: ViewerSession): () => void {
  const api: ViewerTestApi = {
    getCanonicalRead: () => session.getCanonicalRead(),
    loadRead: (read) => session.loadRead(read),
    getSliceIndex: (pane) => session.getSnapshot().panes[pane]?.sliceIndex ?? -1,
    getSlicePositionMm: (pane) => session.getSnapshot().panes[pane]?.slicePositionMm ?? null,
    // as if the reader scrolled in that pane (it becomes the active one, linked panes follow)
    setSlice: (pane, k) => {
      session.setActivePane(pane);
      session.setSlice(pane, k);
    },
    getLoadTimings: () => session.loadTimings(),
    lesions: () => session.getSnapshot().lesions,
    whenLoaded: () => session.whenLoaded(),
    settled: () => session.whenSettled(),
    canvasToPatient: (pane, x, y) => session.canvasToPatient(pane, x, y),
    patientToCanvas: (pane, p) => session.patientToCanvas(pane, p),
    contourCounts: () => session.contourCounts(),
  };
  window.__delineoViewer = api;
  return () => {
    if (window.__delineoViewer === api) delete window.__delineoViewer;
  };
}
