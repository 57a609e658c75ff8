import { eventTarget } from '@cornerstonejs/core';
import { Enums as ToolEnums } from '@cornerstonejs/tools';
import type { CanonicalRead } from '../canonical';
import { canonicalToViewerPlan, viewerStateToCanonical } from '../readConversion';
import { validateRead, type ValidationIssue } from '../validation';
import { measureLesion } from '../volume';
import type { LoadedSeries } from './dicomWebSeries';
import { activateLesion, selectLesion } from './lesionCommands';
import { applyLesionPlan, clearSegment, readContourAnnotations, readLabelmapSlice, segmentationIdFor } from './segmentationAdapter';
import { clearHistory, paneOfSeries, renderAll, seriesGeometryOf, viewportOf, type SessionState } from './sessionState';

const EDIT_DEBOUNCE_MS = 250;

/**
 * Keeps the canonical read in step with the segmentations on screen: Cornerstone's edit events → (debounced) the
 * canonical read and the lesion measures; and a saved read → lesions, contours and labelmaps on screen.
 */
export class ReadSync {
  private editTimer: number | undefined;
  private settledWaiters: (() => void)[] = [];
  private lastRead: CanonicalRead = { lesions: [] };

  constructor(private readonly s: SessionState) {}

  get currentRead(): CanonicalRead {
    return this.lastRead;
  }

  /** Counts any edit of our segmentations (drawing, brush, interpolation, undo, redo) as an edit of the read. */
  listenToEdits(): void {
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
      if (this.s.importing) return;
      const detail = (evt as CustomEvent<{ segmentationId?: string; annotation?: { data?: { segmentation?: { segmentationId: string } } } }>).detail;
      const segId = detail?.segmentationId ?? detail?.annotation?.data?.segmentation?.segmentationId;
      // only our own segmentations (length measurements are not part of the read)
      if (segId !== undefined && !this.s.panes.some((p) => p.segmentationId === segId)) return;
      if (segId === undefined && evt.type !== ToolEnums.Events.HISTORY_UNDO && evt.type !== ToolEnums.Events.HISTORY_REDO) return;
      this.s.markEdited();
    };
    for (const e of events) eventTarget.addEventListener(e, handler);
    this.s.cleanups.push(() => {
      for (const e of events) eventTarget.removeEventListener(e, handler);
    });
  }

  markEdited(): void {
    this.s.revision++;
    this.s.changed();
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
      if (this.s.navigation.size) await Promise.allSettled([...this.s.navigation]);
      else if (this.editTimer !== undefined) await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
      else return;
    }
  }

  /** The canonical read of what is on screen now (accepted contours and painted voxels); updates the measures. */
  recompute(notify: boolean): CanonicalRead {
    const s = this.s;
    const seriesBySegmentation = new Map<string, LoadedSeries>();
    for (const p of s.panes) if (p.segmentationId && p.series) seriesBySegmentation.set(p.segmentationId, p.series);
    // each labelmap slice is read once per recomputation, however many lesions share the series
    const slices = new Map<string, ArrayLike<number> | null>();
    const seriesOf = seriesGeometryOf(s);
    const { read, pending, skipped } = viewerStateToCanonical(
      s.lesions,
      readContourAnnotations(seriesBySegmentation),
      (uid, k) => {
        const key = `${uid}|${k}`;
        if (!slices.has(key)) slices.set(key, readLabelmapSlice(segmentationIdFor(uid), k));
        return slices.get(key)!;
      },
      seriesOf,
    );
    for (const lesion of s.lesions) {
      const canonical = read.lesions.find((l) => l.id === lesion.id)!;
      const geometry = seriesOf(lesion.seriesInstanceUid);
      lesion.measure = geometry ? measureLesion(canonical, geometry) : null;
      lesion.pending = pending.get(lesion.id) ?? 0;
    }
    s.notes = skipped;
    this.lastRead = read;
    if (notify) {
      s.changed();
      s.options.onReadChange?.(read);
    }
    return read;
  }

  /** Problems of the current read against the case's series and lesion labels (submit is refused on errors). */
  validate(): ValidationIssue[] {
    const s = this.s;
    const read = this.recompute(false);
    const issues = validateRead(read, seriesGeometryOf(s), { allowedLabels: s.options.lesionLabels });
    for (const l of s.lesions) {
      if (l.pending > 0) {
        issues.push({ severity: 'warning', lesionId: l.id, message: `lesion "${l.label}": ${l.pending} interpolated contour(s) proposed but not accepted (I) — they will not be part of the read` });
      }
    }
    for (const note of s.notes) issues.push({ severity: 'warning', lesionId: '', message: note });
    return issues;
  }

  /** Replaces all lesions with a saved read, once every pane has loaded (`whenLoaded`). */
  async loadRead(read: CanonicalRead, whenLoaded: () => Promise<void>): Promise<void> {
    const s = this.s;
    const ready = s.panes.every((p) => p.status !== 'loading');
    if (!ready) await whenLoaded();
    const plans = canonicalToViewerPlan(read, seriesGeometryOf(s));
    s.importing = true;
    try {
      for (const lesion of s.lesions) {
        const p = paneOfSeries(s, lesion.seriesInstanceUid);
        if (p?.segmentationId) clearSegment(p.segmentationId, lesion.segmentIndex);
      }
      s.lesions = [];
      const nextIndex = new Map<string, number>();
      for (const plan of plans) {
        const p = paneOfSeries(s, plan.lesion.seriesInstanceUid)!;
        if (!p.series || !p.segmentationId) throw new Error(`series ${plan.lesion.seriesInstanceUid} did not load`);
        const segmentIndex = (nextIndex.get(p.spec.seriesInstanceUid) ?? 0) + 1;
        nextIndex.set(p.spec.seriesInstanceUid, segmentIndex);
        applyLesionPlan(plan, p.series, p.segmentationId, segmentIndex, viewportOf(s, p));
        s.lesions.push({ id: plan.lesion.id, label: plan.lesion.label, seriesInstanceUid: plan.lesion.seriesInstanceUid, segmentIndex, measure: null, pending: 0 });
      }
      s.activeLesionId = s.lesions[0]?.id ?? null;
      if (s.activeLesionId) activateLesion(s, s.activeLesionId);
    } finally {
      s.importing = false;
    }
    // a loaded read is the starting point: nothing to undo before it
    clearHistory();
    renderAll(s);
    this.recompute(false);
    // open where the first lesion is
    if (s.activeLesionId) selectLesion(s, s.activeLesionId);
    s.changed();
  }

  /** Stops a pending conversion (the session is going away). */
  stop(): void {
    window.clearTimeout(this.editTimer);
  }
}
