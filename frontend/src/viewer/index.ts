/**
 * Public API of the Delineo viewer (shared by the reader, PI and board screens).
 * See README.md in this folder for the canonical read format and the conventions.
 */
export { SeriesViewer, type SeriesViewerProps } from './components/SeriesViewer';
export type { ViewerTestApi } from './components/testApi';
export {
  ViewerSession,
  type PhaseSpec,
  type LoadTiming,
  type ViewerSnapshot,
  type PaneSnapshot,
  type LesionSnapshot,
  type ViewerOptions,
} from './cornerstone/ViewerSession';
export { initCornerstone } from './cornerstone/init';
export { fetchSeries, prefetchSeries, centreOutOrder, DicomWebError, type DicomWebSource, type LoadedSeries, type PrefetchProgress } from './cornerstone/dicomWebSeries';
export type { TokenProvider } from './cornerstone/auth';
export type { PrimaryTool } from './cornerstone/tools';
export * from './canonical';
export { validateRead, contourIssues, PLANE_TOLERANCE_MM, type ValidationIssue, type ValidationOptions } from './validation';
export { measureLesion, rasteriseLesion, type LesionMeasure } from './volume';
export { buildSeriesGeometry, type SeriesGeometry, type SliceInfo, type VoxelGrid } from './seriesGeometry';
export { instanceInfo, type InstanceInfo, type DicomJsonInstance } from './dicomJson';
export { matchSlice, linkability, type SliceMatch } from './linkedScroll';
export { CT_WINDOW_PRESETS, type WindowPreset } from './windowPresets';
export { SHORTCUTS, helpRows } from './shortcuts';
