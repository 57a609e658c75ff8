import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CanonicalRead } from '../src/viewer/canonical';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';
import { openStudyOnDemoCt } from './support/readerStudies';
import { canonicalRead, drawLesion, drawLoop, goToSlice, logTimings, settle, sliceCount, waitForViewer, waitSaved } from './support/viewer';

interface MyRead {
  version: number;
  content: CanonicalRead;
}

const contours = (read: CanonicalRead) => read.lesions.flatMap((l) => l.contours.map((c) => c.sopInstanceUid)).sort();

async function openCase(page: Page, caseId: number, what: string): Promise<void> {
  await loginAs(page, 'reader1', `/read/${caseId}`);
  await page.waitForSelector(`[data-testid="reader-screen"][data-case-id="${caseId}"]`);
  logTimings(what, await waitForViewer(page));
}

/** Waits until the server's read has `n` contours and returns it. */
async function storedWith(caseId: number, n: number): Promise<MyRead> {
  for (;;) {
    const read = await apiJson<MyRead>('reader1', `/api/cases/${caseId}/my-read`);
    if (contours(read.content).length === n) return read;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('the same reader edits one case in two windows', () => {
  const sessions: Session[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close();
  });

  it('stops the stale window with the conflict dialog; "reload theirs" adopts the stored read, "overwrite" replaces it', { timeout: 900_000 }, async () => {
    const { caseId } = await openStudyOnDemoCt(`Conflict ${Date.now()}`, ['reader1']);
    const a = await openBrowser();
    const b = await openBrowser();
    sessions.push(a, b);
    await openCase(a.page, caseId, 'window A');
    await openCase(b.page, caseId, 'window B');
    const middle = Math.floor((await sliceCount(a.page)) / 2);

    // A saves first
    await drawLesion(a.page, middle, 40);
    await waitSaved(a.page);
    const afterA = await storedWith(caseId, 1);
    expect(afterA.version).toBeGreaterThanOrEqual(1);

    // B, still on the empty version, edits: its save is refused and the dialog shows both sides
    await drawLesion(b.page, middle + 3, 30);
    await b.page.waitForSelector('[data-testid="conflict-dialog"]', { timeout: 120_000 });
    expect(await b.page.getAttribute('[data-testid="save-status"]', 'data-state')).toBe('conflict');
    expect(await b.page.isVisible('[data-testid="conflict-overwrite-mine"]')).toBe(true);
    // nothing was overwritten
    expect((await apiJson<MyRead>('reader1', `/api/cases/${caseId}/my-read`)).version).toBe(afterA.version);

    // "Reload theirs": B now shows exactly the stored read
    await b.page.click('[data-testid="conflict-reload-theirs"]');
    await b.page.waitForSelector('[data-testid="conflict-dialog"]', { state: 'detached' });
    await waitSaved(b.page);
    await settle(b.page);
    const bRead = await canonicalRead(b.page);
    expect(bRead.lesions.map((l) => l.id)).toEqual(afterA.content.lesions.map((l) => l.id));
    expect(contours(bRead)).toEqual(contours(afterA.content));

    // B continues from the stored version: a second outline on another slice saves normally
    await goToSlice(b.page, 0, middle + 3);
    await b.page.click('[data-testid="tool-freehand"]');
    await drawLoop(b.page, 0, 30);
    await settle(b.page);
    await waitSaved(b.page);
    const afterB = await storedWith(caseId, 2);
    expect(afterB.version).toBeGreaterThan(afterA.version);

    // A is stale now: its next edit conflicts, and "Overwrite with mine" stores A's read over B's
    await goToSlice(a.page, 0, middle - 3);
    await a.page.click('[data-testid="tool-freehand"]');
    await drawLoop(a.page, 0, 35);
    await settle(a.page);
    await a.page.waitForSelector('[data-testid="conflict-dialog"]', { timeout: 120_000 });
    const mine = await canonicalRead(a.page);
    await a.page.click('[data-testid="conflict-overwrite-mine"]');
    await a.page.waitForSelector('[data-testid="conflict-dialog"]', { state: 'detached' });
    await waitSaved(a.page);
    const afterOverwrite = await storedWith(caseId, 2);
    expect(afterOverwrite.version).toBeGreaterThan(afterB.version);
    expect(contours(afterOverwrite.content)).toEqual(contours(mine));
    expect(contours(afterOverwrite.content)).not.toEqual(contours(afterB.content));
  });
});
