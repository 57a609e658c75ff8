import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { CanonicalRead } from '../../src/viewer/canonical';

/**
 * Driving the Cornerstone viewer in the real portal with real mouse events (as frontend/dev/scripts do against the
 * dev harness). Every wait is for a state, never for a duration; the short pauses only let input events arrive.
 */

/** Waits until every pane shows an image and has loaded all its slices; returns the load timings of pane 0. */
export async function waitForViewer(page: Page, panes = 1): Promise<{ firstImageMs: number; allSlicesMs: number }> {
  await page.waitForFunction(() => !!window.__delineoViewer, undefined, { timeout: 180_000 });
  for (let i = 0; i < panes; i++) {
    await page.waitForSelector(`[data-testid="viewport-${i}"][data-status="ready"]`, { timeout: 180_000 });
    await page.waitForFunction(
      (n) => (document.querySelector(`[data-testid="viewport-${n}"]`)?.getAttribute('data-all-slices-ms') ?? '') !== '',
      i,
      { timeout: 240_000 },
    );
  }
  const pane = page.locator('[data-testid="viewport-0"]');
  return {
    firstImageMs: Number(await pane.getAttribute('data-first-image-ms')),
    allSlicesMs: Number(await pane.getAttribute('data-all-slices-ms')),
  };
}

/** Logs the viewer's load timings (measured, not asserted). */
export function logTimings(what: string, t: { firstImageMs: number; allSlicesMs: number }): void {
  console.log(`[viewer timing] ${what}: data-first-image-ms=${t.firstImageMs.toFixed(0)} data-all-slices-ms=${t.allSlicesMs.toFixed(0)}`);
}

export async function goToSlice(page: Page, pane: number, k: number): Promise<void> {
  await page.evaluate(([p, s]) => window.__delineoViewer!.setSlice(p, s), [pane, k]);
  await page.waitForFunction(([p, s]) => window.__delineoViewer!.getSliceIndex(p) === s, [pane, k]);
}

export async function sliceCount(page: Page, pane = 0): Promise<number> {
  return Number(await page.getAttribute(`[data-testid="viewport-${pane}"]`, 'data-slice-count'));
}

/** Draws a closed freehand loop (ellipse of radius r, 0.8 r canvas px around the pane centre + dx) with the mouse. */
export async function drawLoop(page: Page, pane: number, r: number, dx = 30, points = 32): Promise<void> {
  const box = await page.locator(`[data-testid="viewport-element-${pane}"]`).boundingBox();
  if (!box) throw new Error(`viewport-element-${pane} is not on screen`);
  const cx = box.x + box.width / 2 + dx;
  const cy = box.y + box.height / 2;
  const pts = Array.from({ length: points }, (_, n) => [cx + r * Math.cos((2 * Math.PI * n) / points), cy + 0.8 * r * Math.sin((2 * Math.PI * n) / points)]);
  await page.mouse.move(pts[0][0], pts[0][1]);
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(p[0], p[1]);
  await page.mouse.move(pts[0][0], pts[0][1]);
  await page.mouse.up();
}

/** Lets the last input events arrive, then waits until the viewer has turned the last edit into its canonical read. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.evaluate(() => window.__delineoViewer?.settled());
}

/**
 * A new lesion (default label) with one freehand outline on slice k of pane 0. Keyboard shortcuts (N, F) rather than
 * clicks: a dialog that autosave may open meanwhile (a conflict) must not block the test's next step.
 */
export async function drawLesion(page: Page, k: number, r: number): Promise<void> {
  const before = await page.evaluate(() => window.__delineoViewer!.lesions().length);
  await page.keyboard.press('n');
  await page.waitForFunction((n) => window.__delineoViewer!.lesions().length === n + 1, before);
  await page.keyboard.press('f');
  await goToSlice(page, 0, k);
  await drawLoop(page, 0, r);
  await settle(page);
}

export async function canonicalRead(page: Page): Promise<CanonicalRead> {
  return page.evaluate(() => window.__delineoViewer!.getCanonicalRead());
}

export async function lesionVolumes(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid="lesion-row"]', (rows) => rows.map((r) => Number(r.getAttribute('data-volume-ml'))));
}

/** Waits until autosave reports `saved` with nothing pending. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 120_000 });
}

/** Opens a case from the worklist by its link, as a reader does. */
export async function openFromWorklist(page: Page, caseId: number): Promise<void> {
  await page.waitForSelector('[data-testid="worklist-table"]');
  await page.click(`[data-testid="worklist-table"] tr[data-case-id="${caseId}"] a`);
  await page.waitForSelector(`[data-testid="reader-screen"][data-case-id="${caseId}"]`, { timeout: 120_000 });
  expect(new URL(page.url()).pathname).toBe(`/read/${caseId}`);
}

/** Submits through the dialog and waits for the read-only viewer. */
export async function submitRead(page: Page): Promise<void> {
  await page.click('[data-testid="submit-read"]');
  await page.waitForSelector('[data-testid="submit-dialog"]');
  await page.click('[data-testid="submit-confirm"]');
  await page.waitForSelector('[data-testid="save-status"][data-state="submitted"]', { timeout: 120_000 });
  await page.waitForSelector('[data-testid="viewer"][data-read-only="true"]');
}
