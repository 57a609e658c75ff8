import type { Page } from 'playwright-core';
import { openBrowser } from './browser';
import { loginAs } from './login';
import { drawLesion, logTimings, openFromWorklist, sliceCount, submitRead, waitForViewer, waitSaved } from './viewer';

/**
 * A reader's whole loop through the UI in a fresh browser: worklist → case → one freehand lesion of radius r canvas px
 * on the middle slice (or middle + offset) → autosaved → `then` (e.g. export) → submitted. Returns the panel's volume.
 */
export async function readerDrawsAndSubmits(
  reader: string,
  caseId: number,
  r: number,
  options: { sliceOffset?: number; then?: (page: Page) => Promise<void> } = {},
): Promise<number> {
  const session = await openBrowser();
  try {
    const { page } = session;
    await loginAs(page, reader, '/worklist');
    await openFromWorklist(page, caseId);
    logTimings(`${reader} opens case ${caseId}`, await waitForViewer(page));
    const k = Math.floor((await sliceCount(page)) / 2) + (options.sliceOffset ?? 0);
    await drawLesion(page, k, r);
    await waitSaved(page);
    const volume = Number(await page.getAttribute('[data-testid="lesion-row"]', 'data-volume-ml'));
    if (options.then) await options.then(page);
    await submitRead(page);
    return volume;
  } finally {
    await session.close();
  }
}

/** Waits until the read-only viewer of `testId` shows the selected contours with every lesion measured. */
export async function waitForShownRead(page: Page, testId: string, lesions: number): Promise<number[]> {
  await page.waitForSelector(`[data-testid="${testId}"][data-shown="true"]`, { timeout: 120_000 });
  await page.waitForFunction(
    ([id, n]) => {
      const rows = [...document.querySelectorAll(`[data-testid="${id}"] [data-testid="lesion-row"]`)];
      return rows.length === n && rows.every((r) => (r.getAttribute('data-volume-ml') ?? '') !== '');
    },
    [testId, lesions] as const,
    { timeout: 120_000 },
  );
  return page.$$eval(`[data-testid="${testId}"] [data-testid="lesion-row"]`, (rows) => rows.map((r) => Number(r.getAttribute('data-volume-ml'))));
}
