import { Enums as CoreEnums, RenderingEngine, type Types as CoreTypes } from '@cornerstonejs/core';
import { sub, type Vec3 } from '../geometry';
import { orientationMarkers } from '../orientation';
import { presetById, rangeToWindow } from '../windowPresets';
import { fetchSeries, prefetchSeries } from './dicomWebSeries';
import { activateLesion } from './lesionCommands';
import { followFrom, initialSlice, setActivePane, setWindow, syncAfterLoad } from './navigation';
import { createSeriesSegmentation } from './segmentationAdapter';
import { viewportOf, type Pane, type SessionState } from './sessionState';
import { createViewerToolGroup } from './tools';

/** Opening the viewports and loading each phase: metadata, first image, the rest centre-out, load timing. */

/** Creates the rendering engine, one stack viewport and tool group per pane, and the pane event listeners. */
export function openViewports(s: SessionState): void {
  s.engine = new RenderingEngine(s.id);
  s.engine.setViewports(
    s.panes.map((p) => ({
      viewportId: p.viewportId,
      type: CoreEnums.ViewportType.STACK,
      element: p.element,
      defaultOptions: { background: [0, 0, 0] as CoreTypes.Point3 },
    })),
  );
  for (const p of s.panes) {
    p.toolGroup = createViewerToolGroup(p.viewportId, s.id, s.options.readOnly);
    p.toolGroup.setPrimaryTool(s.tool);
    p.toolGroup.setBrushRadiusMm(s.brushRadiusMm);
    listenToPane(s, p);
    p.element.addEventListener('contextmenu', preventDefault);
    p.element.addEventListener('pointerdown', () => setActivePane(s, p.index));
  }
  const resize = new ResizeObserver(() => s.engine?.resize(true, true));
  for (const p of s.panes) resize.observe(p.element);
  s.cleanups.push(() => resize.disconnect());
}

/** Reports a timing to the callback and as a `delineo:load-timing` window event (for measurements). */
function reportTiming(s: SessionState, p: Pane): void {
  const timing = { ...p.timing };
  s.options.onTiming?.(timing);
  window.dispatchEvent(new CustomEvent('delineo:load-timing', { detail: timing }));
}

export async function loadPane(s: SessionState, p: Pane): Promise<void> {
  try {
    const series = await fetchSeries(s.options.source, s.options.studyInstanceUid, p.spec.seriesInstanceUid);
    if (s.destroyed) return;
    p.series = series;
    p.timing.metadataMs = performance.now() - s.openedAt;
    p.timing.slices = series.imageIds.length;
    p.progress = { loaded: 0, failed: 0, total: series.imageIds.length };
    s.changed();
    const viewport = viewportOf(s, p);
    const start = initialSlice(s, p, series.geometry);
    p.sliceIndex = start;
    const prefetch = prefetchSeries(series, start, (progress) => {
      p.progress = progress;
      if (progress.loaded + progress.failed === progress.total && p.timing.allSlicesMs === null) {
        p.timing.allSlicesMs = performance.now() - s.openedAt;
        p.timing.failed = progress.failed;
        reportTiming(s, p);
      }
      s.changed();
    });
    await viewport.setStack([...series.imageIds], start);
    if (s.destroyed) return;
    const stored = series.storedWindow;
    const initial = series.modality === 'CT' ? (stored ?? presetById('abdomen')!) : stored;
    if (initial) setWindow(s, p, initial.width, initial.center, series.modality === 'CT' && !stored ? 'abdomen' : null);
    p.segmentationId = await createSeriesSegmentation(series, p.viewportId);
    p.status = 'ready';
    updateMarkers(s, p);
    viewport.render();
    syncAfterLoad(s, p);
    s.changed();
    if (s.activeLesionId) activateLesion(s, s.activeLesionId);
    await prefetch;
  } catch (e) {
    if (s.destroyed) return;
    p.status = 'error';
    p.error = e instanceof Error ? e.message : String(e);
    s.changed();
  }
}

function listenToPane(s: SessionState, p: Pane): void {
  const el = p.element;
  const onNewImage = (evt: Event) => {
    const detail = (evt as CustomEvent<{ imageIdIndex: number }>).detail;
    p.sliceIndex = detail.imageIdIndex;
    // only the pane the reader works in leads; followers' own events never propagate back
    if (p.index === s.activePane && p.status === 'ready') followFrom(s, p);
    s.changed();
  };
  const onWheel = () => setActivePane(s, p.index);
  el.addEventListener('wheel', onWheel, { capture: true, passive: true });
  const onRendered = () => {
    // count only a render that shows a decoded image (resizes render empty viewports too)
    if (p.timing.firstImageMs === null && p.series && s.engine && viewportOf(s, p).getImageData()) {
      p.timing.firstImageMs = performance.now() - s.openedAt;
      reportTiming(s, p);
      s.changed();
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
      s.changed();
    }
  };
  const onCamera = () => updateMarkers(s, p, true);
  el.addEventListener(CoreEnums.Events.STACK_NEW_IMAGE, onNewImage);
  el.addEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
  el.addEventListener(CoreEnums.Events.VOI_MODIFIED, onVoi);
  el.addEventListener(CoreEnums.Events.CAMERA_MODIFIED, onCamera);
  s.cleanups.push(() => {
    el.removeEventListener(CoreEnums.Events.STACK_NEW_IMAGE, onNewImage);
    el.removeEventListener(CoreEnums.Events.IMAGE_RENDERED, onRendered);
    el.removeEventListener(CoreEnums.Events.VOI_MODIFIED, onVoi);
    el.removeEventListener(CoreEnums.Events.CAMERA_MODIFIED, onCamera);
    el.removeEventListener('contextmenu', preventDefault);
    el.removeEventListener('wheel', onWheel, { capture: true });
  });
}

/** The orientation letters at the pane's edges, from where the canvas axes point in patient space. */
function updateMarkers(s: SessionState, p: Pane, notify = false): void {
  if (!p.series || !s.engine) return;
  const vp = viewportOf(s, p);
  const o = vp.canvasToWorld([0, 0]) as Vec3;
  const right = sub(vp.canvasToWorld([1, 0]) as Vec3, o);
  const down = sub(vp.canvasToWorld([0, 1]) as Vec3, o);
  const markers = orientationMarkers(right, down);
  const before = JSON.stringify(p.markers);
  p.markers = markers;
  if (notify && before !== JSON.stringify(markers)) s.changed();
}

function preventDefault(e: Event): void {
  e.preventDefault();
}
