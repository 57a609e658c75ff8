import { utilities as coreUtilities } from '@cornerstonejs/core';
import { annotation as annotationApi, cancelActiveManipulations, segmentation } from '@cornerstonejs/tools';
import { activateSegment, clearSegment } from './segmentationAdapter';
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
import { setSlice } from './navigation';
import { activeLesion, clearHistory, paneOfSeries, renderAll, type Lesion, type SessionState } from './sessionState';
import { EDITING_TOOLS, type PrimaryTool } from './tools';

/** The reader's commands: the primary tool, and creating, selecting, relabelling, deleting and interpolating lesions. */

export function setTool(s: SessionState, tool: PrimaryTool): void {
  if (s.options.readOnly && EDITING_TOOLS.includes(tool)) return;
  if (EDITING_TOOLS.includes(tool) && !s.activeLesionId) {
    s.message = 'Create or select a lesion first (N or "New lesion").';
    s.changed();
    return;
  }
  s.tool = tool;
  applyToolToPanes(s);
  s.message = null;
  s.changed();
}

/** Editing tools act only on the pane showing the active lesion's series; the others window instead. */
function applyToolToPanes(s: SessionState): void {
  const lesion = activeLesion(s);
  for (const p of s.panes) {
    const editable = !!lesion && p.spec.seriesInstanceUid === lesion.seriesInstanceUid;
    p.toolGroup?.setPrimaryTool(EDITING_TOOLS.includes(s.tool) && !editable ? 'windowLevel' : s.tool);
  }
}

export function setBrushRadius(s: SessionState, mm: number): void {
  s.brushRadiusMm = Math.max(0.5, Math.min(50, mm));
  for (const p of s.panes) p.toolGroup?.setBrushRadiusMm(s.brushRadiusMm);
  s.changed();
}

export function cancelDrawing(s: SessionState): void {
  for (const p of s.panes) cancelActiveManipulations(p.element);
}

function checkLabel(s: SessionState, label: string): void {
  if (!s.options.lesionLabels.includes(label)) throw new Error(`"${label}" is not one of this study's lesion labels`);
}

/** Creates a lesion on the active pane's series and makes it the one being drawn. */
export function newLesion(s: SessionState, label: string): string | null {
  if (s.options.readOnly) return null;
  checkLabel(s, label);
  const p = s.panes[s.activePane];
  if (!p.series || !p.segmentationId) {
    s.message = 'Wait until the series has loaded.';
    s.changed();
    return null;
  }
  const used = new Set(s.lesions.filter((l) => l.seriesInstanceUid === p.spec.seriesInstanceUid).map((l) => l.segmentIndex));
  let segmentIndex = 1;
  while (used.has(segmentIndex)) segmentIndex++;
  if (segmentIndex > 255) throw new Error('at most 255 lesions per series');
  const lesion: Lesion = { id: coreUtilities.uuidv4(), label, seriesInstanceUid: p.spec.seriesInstanceUid, segmentIndex, measure: null, pending: 0 };
  s.lesions.push(lesion);
  activateLesion(s, lesion.id);
  s.markEdited();
  return lesion.id;
}

/** Makes a lesion the active one and shows it: its pane becomes active, at its middle slice when it is off screen. */
export function selectLesion(s: SessionState, id: string): void {
  const lesion = s.lesions.find((l) => l.id === id);
  if (!lesion) return;
  activateLesion(s, id);
  const p = paneOfSeries(s, lesion.seriesInstanceUid);
  if (p) {
    s.activePane = p.index;
    const first = lesion.measure?.sliceRange?.first;
    const last = lesion.measure?.sliceRange?.last;
    if (first !== undefined && last !== undefined && (p.sliceIndex < first || p.sliceIndex > last)) {
      setSlice(s, p.index, Math.round((first + last) / 2));
    }
  }
  s.changed();
}

export function nextLesion(s: SessionState, delta: number): void {
  if (s.lesions.length === 0) return;
  const n = s.lesions.findIndex((l) => l.id === s.activeLesionId);
  const next = s.lesions[(n + delta + s.lesions.length) % s.lesions.length];
  selectLesion(s, next.id);
}

/** The lesion the drawing tools paint into (its segment becomes Cornerstone's active segment). */
export function activateLesion(s: SessionState, id: string): void {
  const lesion = s.lesions.find((l) => l.id === id);
  if (!lesion) return;
  s.activeLesionId = id;
  const p = paneOfSeries(s, lesion.seriesInstanceUid);
  if (p?.segmentationId) activateSegment(p.segmentationId, lesion.segmentIndex, lesion.label);
  applyToolToPanes(s);
  s.changed();
}

export function relabelLesion(s: SessionState, id: string, label: string): void {
  if (s.options.readOnly) return;
  checkLabel(s, label);
  const lesion = s.lesions.find((l) => l.id === id);
  if (!lesion || lesion.label === label) return;
  lesion.label = label;
  const p = paneOfSeries(s, lesion.seriesInstanceUid);
  if (p?.segmentationId) {
    const seg = segmentation.state.getSegmentation(p.segmentationId);
    if (seg?.segments[lesion.segmentIndex]) seg.segments[lesion.segmentIndex].label = label;
  }
  s.markEdited();
}

/** Deletes a lesion with all its contours and painted voxels (the panel asks for confirmation first). */
export function deleteLesion(s: SessionState, id: string): void {
  if (s.options.readOnly) return;
  const lesion = s.lesions.find((l) => l.id === id);
  if (!lesion) return;
  const p = paneOfSeries(s, lesion.seriesInstanceUid);
  if (p?.segmentationId) {
    clearSegment(p.segmentationId, lesion.segmentIndex);
    const seg = segmentation.state.getSegmentation(p.segmentationId);
    if (seg) delete seg.segments[lesion.segmentIndex];
  }
  s.lesions = s.lesions.filter((l) => l !== lesion);
  if (s.activeLesionId === id) s.activeLesionId = s.lesions[0]?.id ?? null;
  if (s.activeLesionId) activateLesion(s, s.activeLesionId);
  else if (EDITING_TOOLS.includes(s.tool)) setTool(s, 'windowLevel');
  // older undo steps may refer to the deleted lesion's contours and voxels: they must not come back
  clearHistory();
  renderAll(s);
  s.markEdited();
}

/**
 * The Delete key: deletes the selected lesion contours; with none selected, deletes the active lesion's outline on
 * the slice on screen (its contour annotations and painted pixels there). Undoable.
 */
export function deleteSelected(s: SessionState): void {
  if (s.options.readOnly) return;
  const ours = new Set(s.panes.map((p) => p.segmentationId));
  let removed: AnyAnnotation[] = annotationApi.selection
    .getAnnotationsSelected()
    .map((uid) => annotationApi.state.getAnnotation(uid))
    .filter((a): a is AnyAnnotation => !!a && ours.has(segmentOf(a)?.segmentationId ?? null));
  let pixels: SegmentPixels | null = null;
  if (removed.length === 0) {
    const lesion = activeLesion(s);
    const p = lesion && paneOfSeries(s, lesion.seriesInstanceUid);
    if (!lesion || !p?.series || !p.segmentationId) return;
    removed = segmentAnnotationsOnImage(p.segmentationId, lesion.segmentIndex, p.series.imageIds[p.sliceIndex]);
    pixels = segmentPixelsOnSlice(p.segmentationId, lesion.segmentIndex, p.sliceIndex);
  }
  if (!removed.length && !pixels) return;
  removeUndoably(removed, pixels, (a) => s.panes.find((p) => p.series?.imageIds.includes(referencedImageId(a) ?? ''))?.element);
  renderAll(s);
  s.markEdited();
}

export function undo(s: SessionState): void {
  if (s.options.readOnly) return;
  coreUtilities.HistoryMemo.DefaultHistoryMemo.undo();
  renderAll(s);
  s.markEdited();
}

export function redo(s: SessionState): void {
  if (s.options.readOnly) return;
  coreUtilities.HistoryMemo.DefaultHistoryMemo.redo();
  renderAll(s);
  s.markEdited();
}

/**
 * Interpolates the active lesion: accepts Cornerstone's contour interpolation proposals, and fills the gaps
 * between painted labelmap slices by shape-based interpolation (only into unpainted pixels; undoable).
 */
export function interpolate(s: SessionState): void {
  if (s.options.readOnly || !s.activeLesionId) return;
  const lesion = activeLesion(s)!;
  const p = paneOfSeries(s, lesion.seriesInstanceUid);
  if (!p?.series || !p.segmentationId) return;
  acceptContourProposals(p.element, p.segmentationId, lesion.segmentIndex);
  const { empty } = interpolateLabelmapSegment(p.segmentationId, p.series.geometry, lesion.segmentIndex);
  s.message = empty > 0 ? `${empty} slice(s) stayed empty: the painted shapes on either side do not overlap. Paint an intermediate slice.` : null;
  renderAll(s);
  s.markEdited();
}
