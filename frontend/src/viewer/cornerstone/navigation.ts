import { utilities as toolUtilities } from '@cornerstonejs/tools';
import { linkability, matchSlice } from '../linkedScroll';
import type { SeriesGeometry } from '../seriesGeometry';
import { presetById, presetsApply, windowToRange } from '../windowPresets';
import { viewportOf, type Pane, type SessionState } from './sessionState';

/** Moving through the stacks: the active pane, slices, linked scrolling across phases, cine, view and window. */

const CINE_FPS = 12;

export function setActivePane(s: SessionState, index: number): void {
  if (index === s.activePane || !s.panes[index]) return;
  s.activePane = index;
  s.changed();
}

/** Shows slice k (clamped) in a pane; linked panes follow. */
export function setSlice(s: SessionState, paneIndex: number, k: number): void {
  const p = s.panes[paneIndex];
  if (!p?.series) return;
  const target = Math.max(0, Math.min(p.series.imageIds.length - 1, Math.round(k)));
  if (target === viewportOf(s, p).getCurrentImageIdIndex()) return;
  showSlice(s, p, target);
}

export function scroll(s: SessionState, paneIndex: number, delta: number): void {
  const p = s.panes[paneIndex];
  if (!p?.series) return;
  setSlice(s, paneIndex, viewportOf(s, p).getCurrentImageIdIndex() + delta);
}

export function sliceToEdge(s: SessionState, paneIndex: number, edge: 'first' | 'last'): void {
  const p = s.panes[paneIndex];
  if (!p?.series) return;
  setSlice(s, paneIndex, edge === 'first' ? 0 : p.series.imageIds.length - 1);
}

function showSlice(s: SessionState, p: Pane, k: number): void {
  const shown = viewportOf(s, p).setImageIdIndex(k);
  s.navigation.add(shown);
  void shown.catch(() => undefined).finally(() => s.navigation.delete(shown));
}

/** Brings every other ready pane to the leader's patient position (linked scrolling). */
export function followFrom(s: SessionState, leader: Pane): void {
  if (!s.linked || !leader.series) return;
  for (const p of s.panes) {
    if (p === leader || !p.series || p.status !== 'ready') continue;
    const m = matchSlice(leader.series.geometry, leader.sliceIndex, p.series.geometry);
    p.link = m ? { inRange: m.inRange, distanceMm: m.distanceMm } : null;
    if (!m) continue;
    if (m.index !== viewportOf(s, p).getCurrentImageIdIndex()) showSlice(s, p, m.index);
  }
  leader.link = null;
}

/** Why a pane cannot follow the active one (e.g. another orientation), or null. */
export function linkProblem(s: SessionState, p: Pane): string | null {
  if (!s.linked || s.panes.length < 2 || !p.series) return null;
  const leader = s.panes[s.activePane];
  if (leader === p || !leader.series) return null;
  const l = linkability(leader.series.geometry, p.series.geometry);
  return l.linkable ? null : l.reason;
}

/** The first slice of a pane that has just loaded: an already loaded phase's position when linked, else the middle. */
export function initialSlice(s: SessionState, p: Pane, geometry: SeriesGeometry): number {
  const other = s.panes.find((o) => o !== p && o.series && o.status === 'ready');
  if (s.linked && other?.series) {
    const m = matchSlice(other.series.geometry, other.sliceIndex, geometry);
    if (m) return m.index;
  }
  return Math.floor(geometry.slices.length / 2);
}

/** A pane that finishes loading joins the linked position of the active pane (or leads, if it is the active one). */
export function syncAfterLoad(s: SessionState, p: Pane): void {
  if (!s.linked) return;
  const leader = s.panes[s.activePane];
  if (leader.status === 'ready') followFrom(s, leader);
  else if (leader === p) followFrom(s, p);
}

export function toggleLink(s: SessionState): void {
  s.linked = !s.linked;
  if (s.linked) followFrom(s, s.panes[s.activePane]);
  else for (const p of s.panes) p.link = null;
  s.changed();
}

export function toggleCine(s: SessionState, paneIndex: number): void {
  const p = s.panes[paneIndex];
  if (!p?.series) return;
  if (p.cine) toolUtilities.cine.stopClip(p.element);
  else toolUtilities.cine.playClip(p.element, { framesPerSecond: CINE_FPS, loop: true });
  p.cine = !p.cine;
  s.changed();
}

export function resetView(s: SessionState, paneIndex: number): void {
  const p = s.panes[paneIndex];
  if (!p?.series) return;
  viewportOf(s, p).resetCamera();
  viewportOf(s, p).render();
}

// ---------------------------------------------------------------- window / level

export function setWindow(s: SessionState, p: Pane, width: number, center: number, preset: string | null): void {
  const vp = viewportOf(s, p);
  vp.setProperties({ voiRange: windowToRange(width, center) });
  vp.render();
  p.window = { width, center };
  p.preset = preset;
}

/** Applies a CT preset to every CT pane (phases are compared side by side under the same window). */
export function applyPreset(s: SessionState, presetId: string): void {
  const preset = presetById(presetId);
  if (!preset) throw new Error(`unknown window preset ${presetId}`);
  let applied = false;
  for (const p of s.panes) {
    if (!p.series || p.status !== 'ready' || !presetsApply(p.series.modality)) continue;
    setWindow(s, p, preset.width, preset.center, preset.id);
    applied = true;
  }
  s.message = applied ? null : 'Window presets are for CT (Hounsfield units).';
  s.changed();
}

export function resetWindow(s: SessionState): void {
  for (const p of s.panes) {
    if (!p.series || p.status !== 'ready') continue;
    const stored = p.series.storedWindow;
    if (stored) setWindow(s, p, stored.width, stored.center, null);
    else {
      viewportOf(s, p).resetProperties();
      viewportOf(s, p).render();
    }
  }
  s.changed();
}
