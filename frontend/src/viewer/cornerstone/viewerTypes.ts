import type { CanonicalRead } from '../canonical';
import type { OrientationMarkers } from '../orientation';
import type { LesionMeasure } from '../volume';
import type { DicomWebSource, PrefetchProgress } from './dicomWebSeries';
import type { PrimaryTool } from './tools';

/** The viewer's public options and the state it publishes (snapshots) — see ViewerSession. */

export interface PhaseSpec {
  seriesInstanceUid: string;
  /** e.g. "arterial", "portal venous", "T2WI". */
  label: string;
}

export interface ViewerOptions {
  source: DicomWebSource;
  studyInstanceUid: string;
  phases: readonly PhaseSpec[];
  readOnly: boolean;
  /** The study's lesion labels; the first is the default for a new lesion. */
  lesionLabels: readonly string[];
  /** Called (debounced) with the canonical read after every edit. */
  onReadChange?: (read: CanonicalRead) => void;
  /** Called when a pane's load timing gains a number. */
  onTiming?: (timing: LoadTiming) => void;
}

export interface LoadTiming {
  paneIndex: number;
  seriesInstanceUid: string;
  /** performance.now() when the viewer opened (ms since the page's navigation start); the others count from it. */
  openedAtMs: number;
  /** ms from opening the viewer to the series metadata being parsed. */
  metadataMs: number | null;
  /** ms from opening the viewer to the first image of the series drawn on screen. */
  firstImageMs: number | null;
  /** ms from opening the viewer to every slice loaded and decoded. */
  allSlicesMs: number | null;
  slices: number;
  failed: number;
}

export interface PaneSnapshot {
  index: number;
  phaseLabel: string;
  seriesInstanceUid: string;
  description: string;
  modality: string;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  progress: PrefetchProgress;
  sliceIndex: number;
  sliceCount: number;
  /** Position of the current slice along the normal (mm), for the overlay. */
  slicePositionMm: number | null;
  window: { width: number; center: number } | null;
  preset: string | null;
  markers: OrientationMarkers | null;
  cine: boolean;
  timing: LoadTiming;
  /** When scrolling is linked and this pane follows another: is the other's plane inside this series? */
  link: { inRange: boolean; distanceMm: number } | null;
  linkProblem: string | null;
}

export interface LesionSnapshot {
  id: string;
  label: string;
  seriesInstanceUid: string;
  phaseLabel: string;
  segmentIndex: number;
  colour: [number, number, number];
  measure: LesionMeasure | null;
  pendingInterpolations: number;
}

export interface ViewerSnapshot {
  panes: PaneSnapshot[];
  lesions: LesionSnapshot[];
  activeLesionId: string | null;
  activePane: number;
  tool: PrimaryTool;
  linked: boolean;
  readOnly: boolean;
  brushRadiusMm: number;
  /** Notes about the last conversion (left-out contours …). */
  notes: string[];
  message: string | null;
  /** Increments on every edit. */
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
}
