import {
  Enums as CoreEnums,
  RenderingEngine,
  cache,
  eventTarget,
  utilities as coreUtilities,
  type Types as CoreTypes,
} from '@cornerstonejs/core';
import { annotation as annotationApi, cancelActiveManipulations, Enums as ToolEnums, segmentation, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { CanonicalRead } from '../canonical';
import { sub, type Vec3 } from '../geometry';
import { linkability, matchSlice } from '../linkedScroll';
import { orientationMarkers, type OrientationMarkers } from '../orientation';
import { canonicalToViewerPlan, viewerStateToCanonical, type LesionBinding } from '../readConversion';
import type { SeriesGeometry } from '../seriesGeometry';
import { validateRead, type ValidationIssue } from '../validation';
import { measureLesion, type LesionMeasure } from '../volume';
import { presetById, presetsApply, rangeToWindow, windowToRange } from '../windowPresets';
import { fetchSeries, prefetchSeries, type LoadedSeries, type PrefetchProgress } from './dicomWebSeries';
import { initCornerstone } from './init';
import { lesionColour } from './lesionColours';
import {
  activateSegment,
  applyLesionPlan,
  clearSegment,
  createSeriesSegmentation,
  labelmapImageIds,
  lesionAnnotationUids,
  readContourAnnotations,
  readLabelmapSlice,
  segmentationIdFor,
} from './segmentationAdapter';
import {
  acceptContourProposals,
  interpolateLabelmapSegment,
  referencedImageId,
  removeUndoably,
  segmentAnnotationsOnImage,
  segmentOf,
  segmentPixelsOnSlice,
  type AnyAnnotation,
  type SegmentPixels,
} from './lesionEdits';
import { createViewerToolGroup, EDITING_TOOLS, type PrimaryTool, type ViewerToolGroup } from './tools';
import type { LoadTiming, PaneSnapshot, PhaseSpec, ViewerOptions, ViewerSnapshot } from './viewerTypes';

export type { PhaseSpec, ViewerOptions, LoadTiming, PaneSnapshot, LesionSnapshot, ViewerSnapshot } from './viewerTypes';

/**
 * One viewer on screen: a rendering engine with one stack viewport per phase, their tool groups, the lesions being
 * drawn, linked scrolling, load timing, and conversion to and from the canonical read. React components render the
 * DOM and call these methods; they observe state through subscribe()/getSnapshot().
 */

interface Pane {
  spec: PhaseSpec;
  index: number;
  viewportId: string;
  element: HTMLDivElement;
  series: LoadedSeries | null;
  segmentationId: string | null;
  toolGroup: ViewerToolGroup | null;
  status: PaneSnapshot['status'];
  error: string | null;
  progress: PrefetchProgress;
  sliceIndex: number;
  window: { width: number; center: number } | null;
  preset: string | null;
  markers: OrientationMarkers | null;
  cine: boolean;
  timing: LoadTiming;
  link: PaneSnapshot['link'];
}

interface Lesion extends LesionBinding {
  measure: LesionMeasure | null;
  pending: number;
}

let sessionCounter = 0;

const CINE_FPS = 12;
const EDIT_DEBOUNCE_MS = 250;

export class ViewerSession {
  readonly id = `delineo-viewer-${++sessionCounter}`;
  private readonly options: ViewerOptions;
  private engine: RenderingEngine | null = null;
  private panes: Pane[];
  private lesions: Lesion[] = [];
  private activeLesionId: string | null = null;
  private activePane = 0;
  private tool: PrimaryTool = 'windowLevel';
  private linked = true;
  private brushRadiusMm = 6;
  private notes: string[] = [];
  private message: string | null = null;
  private revision = 0;
  private listeners = new Set<() => void>();
  private snapshot: ViewerSnapshot;
  private destroyed = false;
  private readonly openedAt = performance.now();
  private editTimer: number | undefined;
  private lastRead: CanonicalRead = { lesions: [] };
  private readonly cleanups: (() => void)[] = [];
  private importing = false;
  private settledWaiters: (() => void)[] = [];
  private navigation = new Set<Promise<unknown>>();

  constructor(options: ViewerOptions, elements: readonly HTMLDivElement[]) {
    if (options.phases.length === 0) throw new Error('the viewer needs at least one series');
    if (elements.length !== options.phases.length) throw new Error('one element per phase is needed');
    this.options = options;
    this.panes = options.phases.map((spec, index) => ({
      spec,
      index,
      viewportId: `${this.id}-vp${index}`,
      element: elements[index],
      series: null,
      segmentationId: null,
      toolGroup: null,
      status: 'loading',
      error: null,
      progress: { loaded: 0, failed: 0, total: 0 },
      sliceIndex: 0,
      window: null,
      preset: null,
      markers: null,
      cine: false,
      timing: { paneIndex: index, seriesInstanceUid: spec.seriesInstanceUid, openedAtMs: 0, metadataMs: null, firstImageMs: null, allSlicesMs: null, slices: 0, failed: 0 },
      link: null,
    }));
    for (const p of this.panes) p.timing.openedAtMs = this.openedAt;
    this.snapshot = this.buildSnapshot();
  }

  // ---------------------------------------------------------------- observation

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ViewerSnapshot => this.snapshot;

  private changed(): void {
    if (this.destroyed) return;
    this.snapshot = this.buildSnapshot();
    for (const l of this.listeners) l();
  }

  private buildSnapshot(): ViewerSnapshot {
    return {
      panes: this.panes.map((p) => {
        const geometry = p.series?.geometry;
        return {
          index: p.index,
          phaseLabel: p.spec.label,
          seriesInstanceUid: p.spec.seriesInstanceUid,
          description: p.series?.description ?? '',
          modality: p.series?.modality ?? '',
          status: p.status,
          error: p.error,
          progress: { ...p.progress },
          sliceIndex: p.sliceIndex,
          sliceCount: geometry?.slices.length ?? 0,
          slicePositionMm: geometry ? geometry.slices[p.sliceIndex]?.position ?? null : null,
          window: p.window,
          preset: p.preset,
          markers: p.markers,
          cine: p.cine,
          timing: { ...p.timing },
          link: p.link,
          linkProblem: this.linkProblem(p),
        };
      }),
      lesions: this.lesions.map((l) => ({
        id: l.id,
        label: l.label,
        seriesInstanceUid: l.seriesInstanceUid,
        phaseLabel: this.paneOfSeries(l.seriesInstanceUid)?.spec.label ?? '',
        segmentIndex: l.segmentIndex,
        colour: lesionColour(l.segmentIndex),
        measure: l.measure,
        pendingInterpolations: l.pending,
      })),
      activeLesionId: this.activeLesionId,
      activePane: this.activePane,
      tool: this.tool,
      linked: this.linked,
      readOnly: this.options.readOnly,
      brushRadiusMm: this.brushRadiusMm,
      notes: [...this.notes],
      message: this.message,
      revision: this.revision,
      canUndo: !this.options.readOnly && coreUtilities.HistoryMemo.DefaultHistoryMemo.canUndo,
      canRedo: !this.options.readOnly && coreUtilities.HistoryMemo.DefaultHistoryMemo.canRedo,
    };
  }

  private linkProblem(p: Pane): string | null {
    if (!this.linked || this.panes.length < 2 || !p.series) return null;
    const leader = this.panes[this.activePane];
    if (leader === p || !leader.series) return null;
    const l = linkability(leader.series.geometry, p.series.geometry);
    return l.linkable ? null : l.reason;
  }

  // ---------------------------------------------------------------- loading

  /** Reports a timing to the callback and as a `delineo:load-timing` window event (for measurements). */
  private reportTiming(p: Pane): void {
    const timing = { ...p.timing };
    this.options.onTiming?.(timing);
    window.dispatchEvent(new CustomEvent('delineo:load-timing', { detail: timing }));
  }

  /** Initialises Cornerstone, creates the viewports and loads every phase (in parallel). */
  async start(): Promise<void> {
    await initCornerstone();
    if (this.destroyed) return;
    this.engine = new RenderingEngine(this.id);
    this.engine.setViewports(
      this.panes.map((p) => ({
        viewportId: p.viewportId,
        type: CoreEnums.ViewportType.STACK,
        element: p.element,
        defaultOptions: { background: [0, 0, 0] as CoreTypes.Point3 },
      })),
    );
    for (const p of this.panes) {
      p.toolGroup = createViewerToolGroup(p.viewportId, this.id, this.options.readOnly);
      p.toolGroup.setPrimaryTool(this.tool);
      p.toolGroup.setBrushRadiusMm(this.brushRadiusMm);
      this.listenToPane(p);
      p.element.addEventListener('contextmenu', preventDefault);
      p.element.addEventListener('pointerdown', () => this.setActivePane(p.index));
    }
    this.listenToEdits();
    const resize = new ResizeObserver(() => this.engine?.resize(true, true));
    for (const p of this.panes) resize.observe(p.element);
    this.cleanups.push(() => resize.disconnect());
    await Promise.all(this.panes.map((p) => this.loadPane(p)));
  }

  private async loadPane(p: Pane): Promise<void> {
    try {
      const series = await fetchSeries(this.options.source, this.options.studyInstanceUid, p.spec.seriesInstanceUid);
      if (this.destroyed) return;
      p.series = series;
      p.timing.metadataMs = performance.now() - this.openedAt;
      p.timing.slices = series.imageIds.length;
      p.progress = { loaded: 0, failed: 0, total: series.imageIds.length };
      this.changed();
      const viewport = this.viewport(p);
      const start = this.initialSlice(p, series.geometry);
      p.sliceIndex = start;
      const prefetch = prefetchSeries(series, start, (progress) => {
        p.progress = progress;
        if (progress.loaded + progress.failed === progress.total && p.timing.allSlicesMs === null) {
          p.timing.allSlicesMs = performance.now() - this.openedAt;
          p.timing.failed = progress.failed;
          this.reportTiming(p);
        }
        this.changed();
      });
      await viewport.setStack([...series.imageIds], start);
      if (this.destroyed) return;
      const stored = series.storedWindow;
      const initial = series.modality === 'CT' ? (stored ?? presetById('abdomen')!) : stored;
      if (initial) this.setWindow(p, initial.width, initial.center, series.modality === 'CT' && !stored ? 'abdomen' : null);
      p.segmentationId = await createSeriesSegmentation(series, p.viewportId);
      p.status = 'ready';
      this.updateMarkers(p);
      viewport.render();
      this.syncAfterLoad(p);
      this.changed();
      if (this.activeLesionId) this.activateLesion(this.activeLesionId);
      await prefetch;
    } catch (e) {
      if (this.destroyed) return;
      p.status = 'error';
      p.error = e instanceof Error ? e.message : String(e);
      this.changed();
    }
  }

  private initialSlice(p: Pane, geometry: SeriesGeometry): number {
    // follow an already loaded phase when linked, otherwise the middle of the stack
    const other = this.panes.find((o) => o !== p && o.series && o.status === 'ready');
    if (this.linked && other?.series) {
      const m = matchSlice(other.series.geometry, other.sliceIndex, geometry);
      if (m) return m.index;
    }
    return Math.floor(geometry.slices.length / 2);
  }

  /** A pane that finishes loading joins the linked position of the active pane (or leads, if it is the active one). */
  private syncAfterLoad(p: Pane): void {
    if (!this.linked) return;
    const leader = this.panes[this.activePane];
    if (leader.status === 'ready') this.followFrom(leader);
    else if (leader === p) this.followFrom(p);
  }

  private listenToPane(p: Pane): void {
    const el = p.element;
    const onNewImage = (evt: Event) => {
      const detail = (evt as CustomEvent<{ imageIdIndex: number }>).detail;
      p.sliceIndex = detail.imageIdIndex;
      // only the pane the reader works in leads; followers' own events never propagate back
      if (p.index === this.activePane && p.status === 'ready') this.followFrom(p);
      this.changed();
    };
    const onWheel = () => this.setActivePane(p.index);
    el.addEventListener('wheel', onWheel, { capture: true, passive: true });
    const onRendered = () => {
      // count only a render that shows a decoded image (resizes render empty viewports too)
      if (p.timing.firstImageMs === null && p.series && this.engine && this.viewport(p).getImageData()) {
        p.timing.firstImageMs = performance.now() - this.openedAt;
        this.reportTiming(p);
        this.changed();
      }
    };
    const onVoi = (evt: Event) => {
      const range = (evt as CustomEvent<{ range: { lower: number; upper: number } }>).detail?.range;
      if (!range) return;
      const w = rangeToWindow(range.lower, range.upper);
      const rounded = { width: Math.round(w.width), center: Math.round(w.center) };
      if (!p.window || p.window.width !== rounded.width || p.window.center !== rounded.center) {
        p.window = rounded;
        const preset = p.preset ? presetById(p.preset) : undefined;
        if (!preset || preset.width !== rounded.width || preset.center !== rounded.center) p.preset = null;
        this.changed();
      }
    };
    const onCamera = () => this.updateMarkers(p, true);
    el.addEventListener(CoreEnums.Events.STACK_NEW_IMAGE, onNewImage);
    el.addEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
    el.addEventListener(CoreEnums.Events.VOI_MODIFIED, onVoi);
    el.addEventListener(CoreEnums.Events.CAMERA_MODIFIED, onCamera);
    this.cleanups.push(() => {
      el.removeEventListener(CoreEnums.Events.STACK_NEW_IMAGE, onNewImage);
      el.removeEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
      el.removeEventListener(CoreEnums.Events.VOI_MODIFIED, onVoi);
      el.removeEventListener(CoreEnums.Events.CAMERA_MODIFIED, onCamera);
      el.removeEventListener('contextmenu', preventDefault);
      el.removeEventListener('wheel', onWheel, { capture: true });
    });
  }

  private viewport(p: Pane): CoreTypes.IStackViewport {
    const vp = this.engine?.getViewport(p.viewportId) as CoreTypes.IStackViewport | undefined;
    if (!vp) throw new Error(`viewport ${p.viewportId} is not available`);
    return vp;
  }

  private updateMarkers(p: Pane, notify = false): void {
    if (!p.series || !this.engine) return;
    const vp = this.viewport(p);
    const o = vp.canvasToWorld([0, 0]) as Vec3;
    const right = sub(vp.canvasToWorld([1, 0]) as Vec3, o);
    const down = sub(vp.canvasToWorld([0, 1]) as Vec3, o);
    const markers = orientationMarkers(right, down);
    const before = JSON.stringify(p.markers);
    p.markers = markers;
    if (notify && before !== JSON.stringify(markers)) this.changed();
  }

  // ---------------------------------------------------------------- navigation

  setActivePane(index: number): void {
    if (index === this.activePane || !this.panes[index]) return;
    this.activePane = index;
    this.changed();
  }

  nextPane(): void {
    this.setActivePane((this.activePane + 1) % this.panes.length);
  }

  /** Shows slice k (clamped) in a pane; linked panes follow. */
  setSlice(paneIndex: number, k: number): void {
    const p = this.panes[paneIndex];
    if (!p?.series) return;
    const target = Math.max(0, Math.min(p.series.imageIds.length - 1, Math.round(k)));
    if (target === this.viewport(p).getCurrentImageIdIndex()) return;
    this.showSlice(p, target);
  }

  scroll(paneIndex: number, delta: number): void {
    const p = this.panes[paneIndex];
    if (!p?.series) return;
    this.setSlice(paneIndex, this.viewport(p).getCurrentImageIdIndex() + delta);
  }

  sliceToEdge(paneIndex: number, edge: 'first' | 'last'): void {
    const p = this.panes[paneIndex];
    if (!p?.series) return;
    this.setSlice(paneIndex, edge === 'first' ? 0 : p.series.imageIds.length - 1);
  }

  private followFrom(leader: Pane): void {
    if (!this.linked || !leader.series) return;
    for (const p of this.panes) {
      if (p === leader || !p.series || p.status !== 'ready') continue;
      const m = matchSlice(leader.series.geometry, leader.sliceIndex, p.series.geometry);
      p.link = m ? { inRange: m.inRange, distanceMm: m.distanceMm } : null;
      if (!m) continue;
      if (m.index !== this.viewport(p).getCurrentImageIdIndex()) this.showSlice(p, m.index);
    }
    leader.link = null;
  }

  toggleLink(): void {
    this.linked = !this.linked;
    if (this.linked) this.followFrom(this.panes[this.activePane]);
    else for (const p of this.panes) p.link = null;
    this.changed();
  }

  toggleCine(paneIndex = this.activePane): void {
    const p = this.panes[paneIndex];
    if (!p?.series) return;
    if (p.cine) toolUtilities.cine.stopClip(p.element);
    else toolUtilities.cine.playClip(p.element, { framesPerSecond: CINE_FPS, loop: true });
    p.cine = !p.cine;
    this.changed();
  }

  resetView(paneIndex = this.activePane): void {
    const p = this.panes[paneIndex];
    if (!p?.series) return;
    this.viewport(p).resetCamera();
    this.viewport(p).render();
  }

  // ---------------------------------------------------------------- window / level

  private setWindow(p: Pane, width: number, center: number, preset: string | null): void {
    const vp = this.viewport(p);
    vp.setProperties({ voiRange: windowToRange(width, center) });
    vp.render();
    p.window = { width, center };
    p.preset = preset;
  }

  /** Applies a CT preset to every CT pane (phases are compared side by side under the same window). */
  applyPreset(presetId: string): void {
    const preset = presetById(presetId);
    if (!preset) throw new Error(`unknown window preset ${presetId}`);
    let applied = false;
    for (const p of this.panes) {
      if (!p.series || p.status !== 'ready' || !presetsApply(p.series.modality)) continue;
      this.setWindow(p, preset.width, preset.center, preset.id);
      applied = true;
    }
    this.message = applied ? null : 'Window presets are for CT (Hounsfield units).';
    this.changed();
  }

  resetWindow(): void {
    for (const p of this.panes) {
      if (!p.series || p.status !== 'ready') continue;
      const stored = p.series.storedWindow;
      if (stored) this.setWindow(p, stored.width, stored.center, null);
      else {
        this.viewport(p).resetProperties();
        this.viewport(p).render();
      }
    }
    this.changed();
  }

  // ---------------------------------------------------------------- tools

  setTool(tool: PrimaryTool): void {
    if (this.options.readOnly && EDITING_TOOLS.includes(tool)) return;
    if (EDITING_TOOLS.includes(tool) && !this.activeLesionId) {
      this.message = 'Create or select a lesion first (N or "New lesion").';
      this.changed();
      return;
    }
    this.tool = tool;
    this.applyToolToPanes();
    this.message = null;
    this.changed();
  }

  /** Editing tools act only on the pane showing the active lesion's series; the others window instead. */
  private applyToolToPanes(): void {
    const lesion = this.lesions.find((l) => l.id === this.activeLesionId);
    for (const p of this.panes) {
      const editable = !!lesion && p.spec.seriesInstanceUid === lesion.seriesInstanceUid;
      p.toolGroup?.setPrimaryTool(EDITING_TOOLS.includes(this.tool) && !editable ? 'windowLevel' : this.tool);
    }
  }

  setBrushRadius(mm: number): void {
    this.brushRadiusMm = Math.max(0.5, Math.min(50, mm));
    for (const p of this.panes) p.toolGroup?.setBrushRadiusMm(this.brushRadiusMm);
    this.changed();
  }

  cancelDrawing(): void {
    for (const p of this.panes) cancelActiveManipulations(p.element);
  }

  // ---------------------------------------------------------------- lesions

  private paneOfSeries(seriesInstanceUid: string): Pane | undefined {
    return this.panes.find((p) => p.spec.seriesInstanceUid === seriesInstanceUid);
  }

  /** Creates a lesion on the active pane's series and makes it the one being drawn. */
  newLesion(label = this.options.lesionLabels[0]): string | null {
    if (this.options.readOnly) return null;
    if (!this.options.lesionLabels.includes(label)) throw new Error(`"${label}" is not one of this study's lesion labels`);
    const p = this.panes[this.activePane];
    if (!p.series || !p.segmentationId) {
      this.message = 'Wait until the series has loaded.';
      this.changed();
      return null;
    }
    const used = new Set(this.lesions.filter((l) => l.seriesInstanceUid === p.spec.seriesInstanceUid).map((l) => l.segmentIndex));
    let segmentIndex = 1;
    while (used.has(segmentIndex)) segmentIndex++;
    if (segmentIndex > 255) throw new Error('at most 255 lesions per series');
    const lesion: Lesion = { id: coreUtilities.uuidv4(), label, seriesInstanceUid: p.spec.seriesInstanceUid, segmentIndex, measure: null, pending: 0 };
    this.lesions.push(lesion);
    this.activateLesion(lesion.id);
    this.markEdited();
    return lesion.id;
  }

  selectLesion(id: string): void {
    if (!this.lesions.some((l) => l.id === id)) return;
    this.activateLesion(id);
    const lesion = this.lesions.find((l) => l.id === id)!;
    const p = this.paneOfSeries(lesion.seriesInstanceUid);
    if (p) {
      this.activePane = p.index;
      const first = lesion.measure?.sliceRange?.first;
      const last = lesion.measure?.sliceRange?.last;
      if (first !== undefined && last !== undefined && (p.sliceIndex < first || p.sliceIndex > last)) {
        this.setSlice(p.index, Math.round((first + last) / 2));
      }
    }
    this.changed();
  }

  nextLesion(delta: number): void {
    if (this.lesions.length === 0) return;
    const n = this.lesions.findIndex((l) => l.id === this.activeLesionId);
    const next = this.lesions[(n + delta + this.lesions.length) % this.lesions.length];
    this.selectLesion(next.id);
  }

  private activateLesion(id: string): void {
    const lesion = this.lesions.find((l) => l.id === id);
    if (!lesion) return;
    this.activeLesionId = id;
    const p = this.paneOfSeries(lesion.seriesInstanceUid);
    if (p?.segmentationId) activateSegment(p.segmentationId, lesion.segmentIndex, lesion.label);
    this.applyToolToPanes();
    this.changed();
  }

  relabelLesion(id: string, label: string): void {
    if (this.options.readOnly) return;
    if (!this.options.lesionLabels.includes(label)) throw new Error(`"${label}" is not one of this study's lesion labels`);
    const lesion = this.lesions.find((l) => l.id === id);
    if (!lesion || lesion.label === label) return;
    lesion.label = label;
    const p = this.paneOfSeries(lesion.seriesInstanceUid);
    if (p?.segmentationId) {
      const seg = segmentation.state.getSegmentation(p.segmentationId);
      if (seg?.segments[lesion.segmentIndex]) seg.segments[lesion.segmentIndex].label = label;
    }
    this.markEdited();
  }

  /** Deletes a lesion with all its contours and painted voxels (the panel asks for confirmation first). */
  deleteLesion(id: string): void {
    if (this.options.readOnly) return;
    const lesion = this.lesions.find((l) => l.id === id);
    if (!lesion) return;
    const p = this.paneOfSeries(lesion.seriesInstanceUid);
    if (p?.segmentationId) {
      clearSegment(p.segmentationId, lesion.segmentIndex);
      const seg = segmentation.state.getSegmentation(p.segmentationId);
      if (seg) delete seg.segments[lesion.segmentIndex];
    }
    this.lesions = this.lesions.filter((l) => l !== lesion);
    if (this.activeLesionId === id) this.activeLesionId = this.lesions[0]?.id ?? null;
    if (this.activeLesionId) this.activateLesion(this.activeLesionId);
    else if (EDITING_TOOLS.includes(this.tool)) this.setTool('windowLevel');
    // older undo steps may refer to the deleted lesion's contours and voxels: they must not come back
    clearHistory();
    this.renderAll();
    this.markEdited();
  }

  /**
   * The Delete key: deletes the selected lesion contours; with none selected, deletes the active lesion's outline on
   * the slice on screen (its contour annotations and painted pixels there). Undoable.
   */
  deleteSelected(): void {
    if (this.options.readOnly) return;
    const ours = new Set(this.panes.map((p) => p.segmentationId));
    let removed: AnyAnnotation[] = annotationApi.selection
      .getAnnotationsSelected()
      .map((uid) => annotationApi.state.getAnnotation(uid))
      .filter((a): a is AnyAnnotation => !!a && ours.has(segmentOf(a)?.segmentationId ?? null));
    let pixels: SegmentPixels | null = null;
    if (removed.length === 0) {
      const lesion = this.lesions.find((l) => l.id === this.activeLesionId);
      const p = lesion && this.paneOfSeries(lesion.seriesInstanceUid);
      if (!lesion || !p?.series || !p.segmentationId) return;
      removed = segmentAnnotationsOnImage(p.segmentationId, lesion.segmentIndex, p.series.imageIds[p.sliceIndex]);
      pixels = segmentPixelsOnSlice(p.segmentationId, lesion.segmentIndex, p.sliceIndex);
    }
    if (!removed.length && !pixels) return;
    removeUndoably(removed, pixels, (a) => this.panes.find((p) => p.series?.imageIds.includes(referencedImageId(a) ?? ''))?.element);
    this.renderAll();
    this.markEdited();
  }

  undo(): void {
    if (this.options.readOnly) return;
    coreUtilities.HistoryMemo.DefaultHistoryMemo.undo();
    this.renderAll();
    this.markEdited();
  }

  redo(): void {
    if (this.options.readOnly) return;
    coreUtilities.HistoryMemo.DefaultHistoryMemo.redo();
    this.renderAll();
    this.markEdited();
  }

  /**
   * Interpolates the active lesion: accepts Cornerstone's contour interpolation proposals, and fills the gaps
   * between painted labelmap slices by shape-based interpolation (only into unpainted pixels; undoable).
   */
  interpolate(): void {
    if (this.options.readOnly || !this.activeLesionId) return;
    const lesion = this.lesions.find((l) => l.id === this.activeLesionId)!;
    const p = this.paneOfSeries(lesion.seriesInstanceUid);
    if (!p?.series || !p.segmentationId) return;
    acceptContourProposals(p.element, p.segmentationId, lesion.segmentIndex);
    const { empty } = interpolateLabelmapSegment(p.segmentationId, p.series.geometry, lesion.segmentIndex);
    this.message = empty > 0 ? `${empty} slice(s) stayed empty: the painted shapes on either side do not overlap. Paint an intermediate slice.` : null;
    this.renderAll();
    this.markEdited();
  }

  private renderAll(): void {
    this.engine?.render();
    toolUtilities.triggerAnnotationRenderForViewportIds(this.panes.map((p) => p.viewportId));
  }

  // ---------------------------------------------------------------- edits → canonical read

  private listenToEdits(): void {
    const events = [
      ToolEnums.Events.ANNOTATION_COMPLETED,
      ToolEnums.Events.ANNOTATION_MODIFIED,
      ToolEnums.Events.ANNOTATION_REMOVED,
      ToolEnums.Events.ANNOTATION_INTERPOLATION_PROCESS_COMPLETED,
      ToolEnums.Events.INTERPOLATED_ANNOTATIONS_REMOVED,
      ToolEnums.Events.SEGMENTATION_DATA_MODIFIED,
      ToolEnums.Events.HISTORY_UNDO,
      ToolEnums.Events.HISTORY_REDO,
    ];
    const handler = (evt: Event) => {
      if (this.importing) return;
      const detail = (evt as CustomEvent<{ segmentationId?: string; annotation?: { data?: { segmentation?: { segmentationId: string } } } }>).detail;
      const segId = detail?.segmentationId ?? detail?.annotation?.data?.segmentation?.segmentationId;
      // only our own segmentations (length measurements are not part of the read)
      if (segId !== undefined && !this.panes.some((p) => p.segmentationId === segId)) return;
      if (segId === undefined && evt.type !== ToolEnums.Events.HISTORY_UNDO && evt.type !== ToolEnums.Events.HISTORY_REDO) return;
      this.markEdited();
    };
    for (const e of events) eventTarget.addEventListener(e, handler);
    this.cleanups.push(() => {
      for (const e of events) eventTarget.removeEventListener(e, handler);
    });
  }

  private markEdited(): void {
    this.revision++;
    this.changed();
    window.clearTimeout(this.editTimer);
    this.editTimer = window.setTimeout(() => {
      this.editTimer = undefined;
      this.recompute(true);
      for (const resolve of this.settledWaiters.splice(0)) resolve();
    }, EDIT_DEBOUNCE_MS);
  }

  /** Resolves once slice changes have been shown and the last edit has reached the canonical read (for tests). */
  async whenSettled(): Promise<void> {
    for (;;) {
      if (this.navigation.size) await Promise.allSettled([...this.navigation]);
      else if (this.editTimer !== undefined) await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
      else return;
    }
  }

  private showSlice(p: Pane, k: number): void {
    const shown = this.viewport(p).setImageIdIndex(k);
    this.navigation.add(shown);
    void shown.catch(() => undefined).finally(() => this.navigation.delete(shown));
  }

  private seriesOf = (uid: string): SeriesGeometry | undefined => this.paneOfSeries(uid)?.series?.geometry;

  /** The canonical read of what is on screen now (accepted contours and painted voxels). */
  getCanonicalRead(): CanonicalRead {
    return this.recompute(false);
  }

  private recompute(notify: boolean): CanonicalRead {
    const seriesBySegmentation = new Map<string, LoadedSeries>();
    for (const p of this.panes) if (p.segmentationId && p.series) seriesBySegmentation.set(p.segmentationId, p.series);
    // each labelmap slice is read once per recomputation, however many lesions share the series
    const slices = new Map<string, ArrayLike<number> | null>();
    const { read, pending, skipped } = viewerStateToCanonical(
      this.lesions,
      readContourAnnotations(seriesBySegmentation),
      (uid, k) => {
        const key = `${uid}|${k}`;
        if (!slices.has(key)) slices.set(key, readLabelmapSlice(segmentationIdFor(uid), k));
        return slices.get(key)!;
      },
      this.seriesOf,
    );
    for (const lesion of this.lesions) {
      const canonical = read.lesions.find((l) => l.id === lesion.id)!;
      const geometry = this.seriesOf(lesion.seriesInstanceUid);
      lesion.measure = geometry ? measureLesion(canonical, geometry) : null;
      lesion.pending = pending.get(lesion.id) ?? 0;
    }
    this.notes = skipped;
    this.lastRead = read;
    if (notify) {
      this.changed();
      this.options.onReadChange?.(read);
    }
    return read;
  }

  /** Problems of the current read against the case's series and lesion labels (submit is refused on errors). */
  validate(): ValidationIssue[] {
    const read = this.getCanonicalRead();
    const issues = validateRead(read, this.seriesOf, { allowedLabels: this.options.lesionLabels });
    for (const l of this.lesions) {
      if (l.pending > 0) {
        issues.push({ severity: 'warning', lesionId: l.id, message: `lesion "${l.label}": ${l.pending} interpolated contour(s) proposed but not accepted (I) — they will not be part of the read` });
      }
    }
    for (const note of this.notes) issues.push({ severity: 'warning', lesionId: '', message: note });
    return issues;
  }

  get currentRead(): CanonicalRead {
    return this.lastRead;
  }

  /** Replaces all lesions with a saved read (e.g. on opening a case, or "reload theirs" after a conflict). */
  async loadRead(read: CanonicalRead): Promise<void> {
    const ready = this.panes.every((p) => p.status !== 'loading');
    if (!ready) await this.whenLoaded();
    const plans = canonicalToViewerPlan(read, this.seriesOf);
    this.importing = true;
    try {
      for (const lesion of this.lesions) {
        const p = this.paneOfSeries(lesion.seriesInstanceUid);
        if (p?.segmentationId) clearSegment(p.segmentationId, lesion.segmentIndex);
      }
      this.lesions = [];
      const nextIndex = new Map<string, number>();
      for (const plan of plans) {
        const p = this.paneOfSeries(plan.lesion.seriesInstanceUid)!;
        if (!p.series || !p.segmentationId) throw new Error(`series ${plan.lesion.seriesInstanceUid} did not load`);
        const segmentIndex = (nextIndex.get(p.spec.seriesInstanceUid) ?? 0) + 1;
        nextIndex.set(p.spec.seriesInstanceUid, segmentIndex);
        applyLesionPlan(plan, p.series, p.segmentationId, segmentIndex, this.viewport(p));
        this.lesions.push({ id: plan.lesion.id, label: plan.lesion.label, seriesInstanceUid: plan.lesion.seriesInstanceUid, segmentIndex, measure: null, pending: 0 });
      }
      this.activeLesionId = this.lesions[0]?.id ?? null;
      if (this.activeLesionId) this.activateLesion(this.activeLesionId);
    } finally {
      this.importing = false;
    }
    // a loaded read is the starting point: nothing to undo before it
    clearHistory();
    this.renderAll();
    this.recompute(false);
    // open where the first lesion is
    if (this.activeLesionId) this.selectLesion(this.activeLesionId);
    this.changed();
  }

  /** Resolves once every pane has finished loading its metadata and first image (or failed). */
  whenLoaded(): Promise<void> {
    if (this.panes.every((p) => p.status !== 'loading')) return Promise.resolve();
    return new Promise((resolve) => {
      const unsubscribe = this.subscribe(() => {
        if (this.panes.every((p) => p.status !== 'loading')) {
          unsubscribe();
          resolve();
        }
      });
    });
  }

  /** For tests and measurements: per-pane load timing. */
  loadTimings(): LoadTiming[] {
    return this.panes.map((p) => ({ ...p.timing }));
  }

  /** For tests: lesion contour annotation count per lesion id. */
  contourCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const l of this.lesions) {
      const p = this.paneOfSeries(l.seriesInstanceUid);
      out[l.id] = p?.segmentationId ? lesionAnnotationUids(p.segmentationId, l.segmentIndex).length : 0;
    }
    return out;
  }

  /** World (patient) coordinates of a canvas point of a pane — for tests that draw with the mouse. */
  canvasToPatient(paneIndex: number, x: number, y: number): Vec3 {
    return this.viewport(this.panes[paneIndex]).canvasToWorld([x, y]) as Vec3;
  }

  patientToCanvas(paneIndex: number, p: Vec3): [number, number] {
    const c = this.viewport(this.panes[paneIndex]).worldToCanvas(p as CoreTypes.Point3);
    return [c[0], c[1]];
  }

  // ---------------------------------------------------------------- teardown

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.clearTimeout(this.editTimer);
    for (const c of this.cleanups) c();
    const imageIds = new Set(this.panes.flatMap((p) => p.series?.imageIds ?? []));
    for (const p of this.panes) {
      if (p.cine) toolUtilities.cine.stopClip(p.element);
      p.toolGroup?.destroy();
    }
    // nothing of this viewer may leak into the next one (another case, another reader)
    for (const a of annotationApi.state.getAllAnnotations()) {
      const ref = (a.metadata as { referencedImageId?: string }).referencedImageId;
      if (a.annotationUID && ref && imageIds.has(ref)) annotationApi.state.removeAnnotation(a.annotationUID);
    }
    for (const p of this.panes) {
      if (p.segmentationId && segmentation.state.getSegmentation(p.segmentationId)) {
        const labelmaps = labelmapImageIds(p.segmentationId);
        segmentation.removeSegmentation(p.segmentationId);
        for (const id of labelmaps) if (cache.getImageLoadObject(id) || cache.getImage(id)) cache.removeImageLoadObject(id, { force: true });
      }
    }
    this.engine?.destroy();
    this.engine = null;
    this.listeners.clear();
    clearHistory();
  }
}

function clearHistory(): void {
  const memo = coreUtilities.HistoryMemo.DefaultHistoryMemo;
  memo.size = memo.size; // the setter empties the ring
}

function preventDefault(e: Event): void {
  e.preventDefault();
}
