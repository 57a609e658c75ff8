import { cache, type Types as CoreTypes } from '@cornerstonejs/core';
import { annotation as annotationApi, segmentation, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { CanonicalRead } from '../canonical';
import type { Vec3 } from '../geometry';
import type { ValidationIssue } from '../validation';
import { initCornerstone } from './init';
import * as lesionCommands from './lesionCommands';
import * as navigation from './navigation';
import { loadPane, openViewports } from './paneLoading';
import { ReadSync } from './readSync';
import { labelmapImageIds, lesionAnnotationUids } from './segmentationAdapter';
import { buildSnapshot } from './sessionSnapshot';
import { clearHistory, newPane, paneOfSeries, viewportOf, type SessionState } from './sessionState';
import type { PrimaryTool } from './tools';
import type { LoadTiming, ViewerOptions, ViewerSnapshot } from './viewerTypes';

export type { PhaseSpec, ViewerOptions, LoadTiming, PaneSnapshot, LesionSnapshot, ViewerSnapshot } from './viewerTypes';

let sessionCounter = 0;

/**
 * One viewer on screen: a rendering engine with one stack viewport per phase, their tool groups, the lesions being
 * drawn, linked scrolling, load timing, and conversion to and from the canonical read. React components render the
 * DOM and call these methods; they observe state through subscribe()/getSnapshot().
 *
 * The work is done by parts over one shared state (`sessionState.ts`): `paneLoading` (viewports, series loading,
 * timing), `navigation` (slices, linked scroll, cine, window/level), `lesionCommands` (tools and lesion edits),
 * `readSync` (edits ↔ canonical read) and `sessionSnapshot`. This class is the public face and owns the lifetime.
 */
export class ViewerSession {
  readonly id = `delineo-viewer-${++sessionCounter}`;
  private readonly s: SessionState;
  private readonly sync: ReadSync;
  private listeners = new Set<() => void>();
  private snapshot: ViewerSnapshot;

  constructor(options: ViewerOptions, elements: readonly HTMLDivElement[]) {
    if (options.phases.length === 0) throw new Error('the viewer needs at least one series');
    if (elements.length !== options.phases.length) throw new Error('one element per phase is needed');
    const openedAt = performance.now();
    this.s = {
      id: this.id,
      options,
      openedAt,
      engine: null,
      panes: options.phases.map((spec, index) => newPane(this.id, spec, index, elements[index], openedAt)),
      lesions: [],
      activeLesionId: null,
      activePane: 0,
      tool: 'windowLevel',
      linked: true,
      brushRadiusMm: 6,
      notes: [],
      message: null,
      revision: 0,
      destroyed: false,
      importing: false,
      cleanups: [],
      navigation: new Set(),
      changed: () => this.changed(),
      markEdited: () => this.sync.markEdited(),
    };
    this.sync = new ReadSync(this.s);
    this.snapshot = buildSnapshot(this.s);
  }

  // ---------------------------------------------------------------- observation

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ViewerSnapshot => this.snapshot;

  private changed(): void {
    if (this.s.destroyed) return;
    this.snapshot = buildSnapshot(this.s);
    for (const l of this.listeners) l();
  }

  // ---------------------------------------------------------------- loading

  /** Initialises Cornerstone, creates the viewports and loads every phase (in parallel). */
  async start(): Promise<void> {
    await initCornerstone();
    if (this.s.destroyed) return;
    openViewports(this.s);
    this.sync.listenToEdits();
    await Promise.all(this.s.panes.map((p) => loadPane(this.s, p)));
  }

  /** Resolves once every pane has finished loading its metadata and first image (or failed). */
  whenLoaded(): Promise<void> {
    const loaded = () => this.s.panes.every((p) => p.status !== 'loading');
    if (loaded()) return Promise.resolve();
    return new Promise((resolve) => {
      const unsubscribe = this.subscribe(() => {
        if (loaded()) {
          unsubscribe();
          resolve();
        }
      });
    });
  }

  // ---------------------------------------------------------------- navigation and window / level

  setActivePane(index: number): void {
    navigation.setActivePane(this.s, index);
  }

  nextPane(): void {
    this.setActivePane((this.s.activePane + 1) % this.s.panes.length);
  }

  /** Shows slice k (clamped) in a pane; linked panes follow. */
  setSlice(paneIndex: number, k: number): void {
    navigation.setSlice(this.s, paneIndex, k);
  }

  scroll(paneIndex: number, delta: number): void {
    navigation.scroll(this.s, paneIndex, delta);
  }

  sliceToEdge(paneIndex: number, edge: 'first' | 'last'): void {
    navigation.sliceToEdge(this.s, paneIndex, edge);
  }

  toggleLink(): void {
    navigation.toggleLink(this.s);
  }

  toggleCine(paneIndex = this.s.activePane): void {
    navigation.toggleCine(this.s, paneIndex);
  }

  resetView(paneIndex = this.s.activePane): void {
    navigation.resetView(this.s, paneIndex);
  }

  /** Applies a CT preset to every CT pane (phases are compared side by side under the same window). */
  applyPreset(presetId: string): void {
    navigation.applyPreset(this.s, presetId);
  }

  resetWindow(): void {
    navigation.resetWindow(this.s);
  }

  // ---------------------------------------------------------------- tools and lesions

  setTool(tool: PrimaryTool): void {
    lesionCommands.setTool(this.s, tool);
  }

  setBrushRadius(mm: number): void {
    lesionCommands.setBrushRadius(this.s, mm);
  }

  cancelDrawing(): void {
    lesionCommands.cancelDrawing(this.s);
  }

  /** Creates a lesion on the active pane's series and makes it the one being drawn. */
  newLesion(label = this.s.options.lesionLabels[0]): string | null {
    return lesionCommands.newLesion(this.s, label);
  }

  selectLesion(id: string): void {
    lesionCommands.selectLesion(this.s, id);
  }

  nextLesion(delta: number): void {
    lesionCommands.nextLesion(this.s, delta);
  }

  relabelLesion(id: string, label: string): void {
    lesionCommands.relabelLesion(this.s, id, label);
  }

  /** Deletes a lesion with all its contours and painted voxels (the panel asks for confirmation first). */
  deleteLesion(id: string): void {
    lesionCommands.deleteLesion(this.s, id);
  }

  /** The Delete key: the selected contours, or the active lesion's outline on the slice on screen. Undoable. */
  deleteSelected(): void {
    lesionCommands.deleteSelected(this.s);
  }

  undo(): void {
    lesionCommands.undo(this.s);
  }

  redo(): void {
    lesionCommands.redo(this.s);
  }

  /** Accepts the active lesion's contour proposals and fills gaps between its painted slices. */
  interpolate(): void {
    lesionCommands.interpolate(this.s);
  }

  // ---------------------------------------------------------------- the canonical read

  /** The canonical read of what is on screen now (accepted contours and painted voxels). */
  getCanonicalRead(): CanonicalRead {
    return this.sync.recompute(false);
  }

  get currentRead(): CanonicalRead {
    return this.sync.currentRead;
  }

  /** Problems of the current read against the case's series and lesion labels (submit is refused on errors). */
  validate(): ValidationIssue[] {
    return this.sync.validate();
  }

  /** Replaces all lesions with a saved read (e.g. on opening a case, or "reload theirs" after a conflict). */
  loadRead(read: CanonicalRead): Promise<void> {
    return this.sync.loadRead(read, () => this.whenLoaded());
  }

  /** Resolves once slice changes have been shown and the last edit has reached the canonical read (for tests). */
  whenSettled(): Promise<void> {
    return this.sync.whenSettled();
  }

  // ---------------------------------------------------------------- for tests and measurements

  /** Per-pane load timing. */
  loadTimings(): LoadTiming[] {
    return this.s.panes.map((p) => ({ ...p.timing }));
  }

  /** Lesion contour annotation count per lesion id. */
  contourCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const l of this.s.lesions) {
      const p = paneOfSeries(this.s, l.seriesInstanceUid);
      out[l.id] = p?.segmentationId ? lesionAnnotationUids(p.segmentationId, l.segmentIndex).length : 0;
    }
    return out;
  }

  /** World (patient) coordinates of a canvas point of a pane — for tests that draw with the mouse. */
  canvasToPatient(paneIndex: number, x: number, y: number): Vec3 {
    return viewportOf(this.s, this.s.panes[paneIndex]).canvasToWorld([x, y]) as Vec3;
  }

  patientToCanvas(paneIndex: number, p: Vec3): [number, number] {
    const c = viewportOf(this.s, this.s.panes[paneIndex]).worldToCanvas(p as CoreTypes.Point3);
    return [c[0], c[1]];
  }

  // ---------------------------------------------------------------- teardown

  destroy(): void {
    const s = this.s;
    if (s.destroyed) return;
    s.destroyed = true;
    this.sync.stop();
    for (const c of s.cleanups) c();
    const imageIds = new Set(s.panes.flatMap((p) => p.series?.imageIds ?? []));
    for (const p of s.panes) {
      if (p.cine) toolUtilities.cine.stopClip(p.element);
      p.toolGroup?.destroy();
    }
    // nothing of this viewer may leak into the next one (another case, another reader)
    for (const a of annotationApi.state.getAllAnnotations()) {
      const ref = (a.metadata as { referencedImageId?: string }).referencedImageId;
      if (a.annotationUID && ref && imageIds.has(ref)) annotationApi.state.removeAnnotation(a.annotationUID);
    }
    for (const p of s.panes) {
      if (p.segmentationId && segmentation.state.getSegmentation(p.segmentationId)) {
        const labelmaps = labelmapImageIds(p.segmentationId);
        segmentation.removeSegmentation(p.segmentationId);
        for (const id of labelmaps) if (cache.getImageLoadObject(id) || cache.getImage(id)) cache.removeImageLoadObject(id, { force: true });
      }
    }
    s.engine?.destroy();
    s.engine = null;
    this.listeners.clear();
    clearHistory();
  }
}
