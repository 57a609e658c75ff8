import { afterEach, describe, expect, it } from 'vitest';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';
import { demoCt, openStudyOnDemoCt, slicesOf } from './support/readerStudies';
import {
  canonicalRead,
  drawLesion,
  lesionVolumes,
  logTimings,
  openFromWorklist,
  sliceCount,
  submitRead,
  waitForViewer,
  waitSaved,
} from './support/viewer';

interface MyRead {
  readId: number | null;
  status: string;
  version: number;
  content: { lesions: { id: string; label: string; seriesInstanceUid: string; contours: { sopInstanceUid: string; points: number[][]; origin?: string }[] }[] };
}

interface CaseAgreement {
  lesions: { label: string; readers: { reader: string; volumeMl: number }[] }[];
}

describe('a reader contours a case in the portal', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('draws a freehand contour that autosaves, survives a reload with the same volume, and is final once submitted', { timeout: 900_000 }, async () => {
    const { caseId } = await openStudyOnDemoCt(`Reader loop ${Date.now()}`, ['reader1']);
    const { studyUid, seriesUid } = await demoCt();
    const slices = await slicesOf(studyUid, seriesUid);

    session = await openBrowser();
    const { page } = session;
    const unauthorised: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/dicom-web/') && !/^Bearer \S+/.test(r.headers()['authorization'] ?? '')) unauthorised.push(r.url());
    });
    await loginAs(page, 'reader1', '/worklist');
    await openFromWorklist(page, caseId);
    logTimings('reader, first open', await waitForViewer(page));
    // a sub-screen of the worklist: no navigation entry of its own
    expect(await page.$$eval('header nav a', (as) => as.map((a) => [a.textContent, a.className]))).toEqual([['Worklist', 'active']]);
    expect(await page.getAttribute('[data-testid="save-status"]', 'data-state')).toBe('saved');
    expect(await page.locator('[data-testid="lesion-row"]').count()).toBe(0);
    expect(await sliceCount(page)).toBe(slices.length);

    // draw on the middle slice; autosave stores it
    const k = Math.floor(slices.length / 2);
    await drawLesion(page, k, 45);
    const drawn = await canonicalRead(page);
    expect(drawn.lesions).toHaveLength(1);
    expect(drawn.lesions[0].contours).toHaveLength(1);
    await waitSaved(page);
    const [volume] = await lesionVolumes(page);
    expect(volume).toBeGreaterThan(0);

    // the server holds the contour on the slice on screen: display order runs against the slice normal
    const stored = await apiJson<MyRead>('reader1', `/api/cases/${caseId}/my-read`);
    expect(stored.status).toBe('IN_PROGRESS');
    expect(stored.content.lesions).toHaveLength(1);
    const lesion = stored.content.lesions[0];
    expect(lesion.label).toBe('primary tumour');
    expect(lesion.seriesInstanceUid).toBe(seriesUid);
    expect(lesion.contours.map((c) => c.sopInstanceUid)).toEqual([slices[slices.length - 1 - k].sopInstanceUid]);
    expect(lesion.contours[0].origin).toBe('freehand');
    expect(lesion.contours[0].points.length).toBeGreaterThanOrEqual(3);

    // the server computes the same volume as the lesion panel (same voxel rule)
    const agreement = await apiJson<CaseAgreement>('pi', `/api/cases/${caseId}/agreement?includeInProgress=true`);
    const serverVolume = agreement.lesions[0].readers.find((r) => r.reader === 'reader1')!.volumeMl;
    expect(Math.abs(serverVolume - volume)).toBeLessThan(1e-6 * volume);

    // reload: the lesion comes back from the server with the same volume
    await page.reload();
    logTimings('reader, reload', await waitForViewer(page));
    await page.waitForSelector('[data-testid="lesion-row"]');
    expect(await lesionVolumes(page)).toEqual([volume]);
    const reloaded = await canonicalRead(page);
    expect(reloaded.lesions[0].id).toBe(drawn.lesions[0].id);
    expect(reloaded.lesions[0].contours.map((c) => c.sopInstanceUid)).toEqual(lesion.contours.map((c) => c.sopInstanceUid));
    expect(await page.getAttribute('[data-testid="save-status"]', 'data-state')).toBe('saved');

    // submit: final and read-only, also after another reload
    await submitRead(page);
    expect(await page.isVisible('[data-testid="tool-freehand"]')).toBe(false);
    expect(await page.isVisible('[data-testid="new-lesion"]')).toBe(false);
    const submitted = await apiJson<MyRead>('reader1', `/api/cases/${caseId}/my-read`);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.version).toBe(stored.version);
    await page.reload();
    await waitForViewer(page);
    await page.waitForSelector('[data-testid="save-status"][data-state="submitted"]');
    expect(await page.getAttribute('[data-testid="viewer"]', 'data-read-only')).toBe('true');
    await page.waitForSelector('[data-testid="lesion-row"]');
    expect(await lesionVolumes(page)).toEqual([volume]);

    expect(unauthorised).toEqual([]);
  });
});
