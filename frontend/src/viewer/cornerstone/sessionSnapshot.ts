import { utilities as coreUtilities } from '@cornerstonejs/core';
import { lesionColour } from './lesionColours';
import { linkProblem } from './navigation';
import { paneOfSeries, type SessionState } from './sessionState';
import type { ViewerSnapshot } from './viewerTypes';

/** An immutable picture of the session for React (`useSyncExternalStore`): a new object after every change. */
export function buildSnapshot(s: SessionState): ViewerSnapshot {
  return {
    panes: s.panes.map((p) => {
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
        linkProblem: linkProblem(s, p),
      };
    }),
    lesions: s.lesions.map((l) => ({
      id: l.id,
      label: l.label,
      seriesInstanceUid: l.seriesInstanceUid,
      phaseLabel: paneOfSeries(s, l.seriesInstanceUid)?.spec.label ?? '',
      segmentIndex: l.segmentIndex,
      colour: lesionColour(l.segmentIndex),
      measure: l.measure,
      pendingInterpolations: l.pending,
    })),
    activeLesionId: s.activeLesionId,
    activePane: s.activePane,
    tool: s.tool,
    linked: s.linked,
    readOnly: s.options.readOnly,
    brushRadiusMm: s.brushRadiusMm,
    notes: [...s.notes],
    message: s.message,
    revision: s.revision,
    canUndo: !s.options.readOnly && coreUtilities.HistoryMemo.DefaultHistoryMemo.canUndo,
    canRedo: !s.options.readOnly && coreUtilities.HistoryMemo.DefaultHistoryMemo.canRedo,
  };
}
