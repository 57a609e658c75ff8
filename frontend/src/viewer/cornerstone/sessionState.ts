import { RenderingEngine, utilities as coreUtilities, type Types as CoreTypes } from '@cornerstonejs/core';
import { utilities as toolUtilities } from '@cornerstonejs/tools';
import type { OrientationMarkers } from '../orientation';
import type { LesionBinding } from '../readConversion';
import type { SeriesGeometry } from '../seriesGeometry';
import type { LesionMeasure } from '../volume';
import type { LoadedSeries, PrefetchProgress } from './dicomWebSeries';
import type { PrimaryTool, ViewerToolGroup } from './tools';
import type { LoadTiming, PaneSnapshot, PhaseSpec, ViewerOptions } from './viewerTypes';

/**
 * The state of one viewer session, shared by the parts that act on it (loading, navigation, lesion editing, read
 * sync). `ViewerSession` owns it; the parts are functions over it, so each stays small enough to read whole.
 */
export interface Pane {
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

export interface Lesion extends LesionBinding {
  measure: LesionMeasure | null;
  pending: number;
}

export interface SessionState {
  readonly id: string;
  readonly options: ViewerOptions;
  readonly openedAt: number;
  engine: RenderingEngine | null;
  panes: Pane[];
  lesions: Lesion[];
  activeLesionId: string | null;
  activePane: number;
  tool: PrimaryTool;
  linked: boolean;
  brushRadiusMm: number;
  notes: string[];
  message: string | null;
  revision: number;
  destroyed: boolean;
  /** set while a saved read is put on screen: those edits are not the reader's */
  importing: boolean;
  readonly cleanups: (() => void)[];
  /** slice changes requested but not yet shown */
  readonly navigation: Set<Promise<unknown>>;
  /** rebuilds the snapshot and tells the subscribers */
  changed(): void;
  /** counts an edit and schedules its conversion to the canonical read */
  markEdited(): void;
}

export function newPane(sessionId: string, spec: PhaseSpec, index: number, element: HTMLDivElement, openedAt: number): Pane {
  return {
    spec,
    index,
    viewportId: `${sessionId}-vp${index}`,
    element,
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
    timing: { paneIndex: index, seriesInstanceUid: spec.seriesInstanceUid, openedAtMs: openedAt, metadataMs: null, firstImageMs: null, allSlicesMs: null, slices: 0, failed: 0 },
    link: null,
  };
}

export function viewportOf(s: SessionState, p: Pane): CoreTypes.IStackViewport {
  const vp = s.engine?.getViewport(p.viewportId) as CoreTypes.IStackViewport | undefined;
  if (!vp) throw new Error(`viewport ${p.viewportId} is not available`);
  return vp;
}

export function paneOfSeries(s: SessionState, seriesInstanceUid: string): Pane | undefined {
  return s.panes.find((p) => p.spec.seriesInstanceUid === seriesInstanceUid);
}

export function seriesGeometryOf(s: SessionState): (uid: string) => SeriesGeometry | undefined {
  return (uid) => paneOfSeries(s, uid)?.series?.geometry;
}

export function activeLesion(s: SessionState): Lesion | undefined {
  return s.lesions.find((l) => l.id === s.activeLesionId);
}

export function renderAll(s: SessionState): void {
  s.engine?.render();
  toolUtilities.triggerAnnotationRenderForViewportIds(s.panes.map((p) => p.viewportId));
}

/** Empties the undo/redo history (older steps may refer to contours and voxels that are gone). */
export function clearHistory(): void {
  const memo = coreUtilities.HistoryMemo.DefaultHistoryMemo;
  memo.size = memo.size; // the setter empties the ring
}
