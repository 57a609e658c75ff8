import { afterEach, describe, expect, it } from 'vitest';
import { apiGet, apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { freshCtFolder, jpegLsCopies, stowFolder } from './support/dicomFiles';
import { loginAs } from './support/login';
import { demoCt, jsonBody, openStudyOnDemoCt, openStudyOnSeries, slicesOf, square } from './support/readerStudies';
import { logTimings, openFromWorklist, waitForViewer } from './support/viewer';

interface MyRead {
  reader: string;
  status: string;
  version: number;
  content: { lesions: unknown[] };
}

describe('readers are blinded to each other and to cases not assigned to them', () => {
  const sessions: Session[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close();
  });

  it("shows reader2 an empty read of their own, refuses reader1's read and an unassigned case's images", { timeout: 900_000 }, async () => {
    // case A on the demo CT for reader1 and reader2; reader1 has saved a lesion
    const { caseId } = await openStudyOnDemoCt(`Blinding ${Date.now()}`, ['reader1', 'reader2']);
    const { studyUid, seriesUid } = await demoCt();
    const slices = await slicesOf(studyUid, seriesUid);
    const middle = slices[Math.floor(slices.length / 2)];
    const lesion = { id: 'r1-lesion', label: 'primary tumour', contours: [square(middle, 256, 300, 20)] };
    await apiJson('reader1', `/api/cases/${caseId}/my-read`, jsonBody('PUT', { lesions: [lesion] }, { 'If-Match': '"0"' }));

    // case B on a new JPEG-LS series, assigned to reader1 only
    const fresh = freshCtFolder(12, `BLIND-${Date.now()}`);
    await stowFolder('pi', jpegLsCopies(fresh.dir));
    const other = await openStudyOnSeries(`Blinding other ${Date.now()}`, ['reader1'], fresh.studyUid, fresh.seriesUid);

    // reader2 in the browser: case A opens with an empty read; case B is not on the worklist and cannot be opened
    const reader2 = await openBrowser();
    sessions.push(reader2);
    const page = reader2.page;
    await loginAs(page, 'reader2', '/worklist');
    await page.waitForSelector(`[data-testid="worklist-table"] tr[data-case-id="${caseId}"]`);
    expect(await page.locator(`[data-testid="worklist-table"] tr[data-case-id="${other.caseId}"]`).count()).toBe(0);
    await openFromWorklist(page, caseId);
    logTimings('reader2, demo CT', await waitForViewer(page));
    expect(await page.getAttribute('[data-testid="save-status"]', 'data-state')).toBe('saved');
    expect(await page.locator('[data-testid="lesion-row"]').count()).toBe(0);
    expect(await page.evaluate(() => window.__delineoViewer!.getCanonicalRead())).toEqual({ lesions: [] });
    await page.goto(new URL(`/read/${other.caseId}`, page.url()).toString());
    expect(await page.textContent('[data-testid="reader-case-error"]')).toContain('not assigned to you');

    // the API: reader2's own read is empty; reader1's read, case B and its images are refused
    const mine = await apiJson<MyRead>('reader2', `/api/cases/${caseId}/my-read`);
    expect([mine.reader, mine.status, mine.content.lesions.length]).toEqual(['reader2', 'NOT_STARTED', 0]);
    expect((await apiGet('reader2', `/api/cases/${caseId}/reads`)).status).toBe(403);
    expect((await apiGet('reader2', `/api/worklist/${other.caseId}`)).status).toBe(403);
    expect((await apiGet('reader2', `/api/cases/${other.caseId}/my-read`)).status).toBe(403);
    const freshSlices = await slicesOf(fresh.studyUid, fresh.seriesUid);
    const base = `/dicom-web/studies/${fresh.studyUid}/series/${fresh.seriesUid}`;
    expect((await apiGet('reader2', `${base}/metadata`)).status).toBe(403);
    expect((await apiGet('reader2', `${base}/instances/${freshSlices[0].sopInstanceUid}/frames/1`)).status).toBe(403);
    expect((await apiGet('reader2', `/wado?requestType=WADO&studyUID=${fresh.studyUid}&seriesUID=${fresh.seriesUid}&objectUID=${freshSlices[0].sopInstanceUid}`)).status).toBe(403);
    expect(await apiJson<unknown[]>('reader2', `/dicom-web/studies?StudyInstanceUID=${fresh.studyUid}`)).toEqual([]);
    // reader1's read is untouched by all this
    expect((await apiJson<MyRead>('reader1', `/api/cases/${caseId}/my-read`)).content.lesions).toHaveLength(1);

    // reader1, who is assigned, opens case B: the JPEG-LS frames decode in the production bundle's WASM codec
    const reader1 = await openBrowser();
    sessions.push(reader1);
    const wasm: string[] = [];
    reader1.page.on('response', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(`${r.status()} ${r.headers()['content-type']} ${new URL(r.url()).pathname}`);
    });
    await loginAs(reader1.page, 'reader1', '/worklist');
    await openFromWorklist(reader1.page, other.caseId);
    logTimings('reader1, JPEG-LS series', await waitForViewer(reader1.page));
    expect(await reader1.page.getAttribute('[data-testid="viewport-0"]', 'data-slice-count')).toBe('12');
    expect(await reader1.page.locator('[data-testid="viewport-error-0"]').count()).toBe(0);
    console.log('[wasm] codec modules fetched:', wasm);
    expect(wasm.some((w) => w.startsWith('200 ') && w.includes('charls'))).toBe(true);
  });
});
