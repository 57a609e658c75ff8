import { afterEach, describe, expect, it } from 'vitest';
import { apiGet, apiJson, tokenFor } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { env } from './support/env';
import { loginAs } from './support/login';
import { demoCt, jsonBody, openStudyOnDemoCt, saveAndSubmit, slicesOf, square, type Slice } from './support/readerStudies';
import { waitForShownRead } from './support/readerFlow';
import { logTimings, waitForViewer } from './support/viewer';

const READERS = ['reader1', 'reader2', 'reader3'];

function lesion(slices: Slice[], half: number) {
  return { lesions: [{ id: 'l1', label: 'primary tumour', contours: slices.map((s) => square(s, 256, 300, half)) }] };
}

interface Consensus {
  version: number;
  content: { lesions: { contours: { sopInstanceUid: string }[] }[] };
}

describe('the tumour board sees a released case', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('shows the approved consensus ROI read-only on the case series', { timeout: 600_000 }, async () => {
    const { caseId } = await openStudyOnDemoCt(`Board viewer ${Date.now()}`, READERS);
    const { studyUid, seriesUid } = await demoCt();
    const slices = await slicesOf(studyUid, seriesUid);
    const middle = Math.floor(slices.length / 2);
    const three = slices.slice(middle - 1, middle + 2);
    for (const [n, reader] of READERS.entries()) await saveAndSubmit(reader, caseId, lesion(three, 14 + 2 * n));
    const consensus = await apiJson<Consensus>('pi', `/api/cases/${caseId}/consensus`, jsonBody('POST', { method: 'staple', threshold: 0.5 }));
    await apiJson('pi', `/api/cases/${caseId}/consensus/${consensus.version}/approve`, { method: 'POST' });
    const release = await fetch(`${env.baseUrl}/api/board/cases/${caseId}/release`, {
      ...jsonBody('POST', { note: 'browser test' }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await tokenFor('pi')}` },
    });
    expect(release.status).toBe(204);
    // the release grants the board the case's series
    expect((await apiGet('board', `/dicom-web/studies/${studyUid}/series/${seriesUid}/metadata`)).status).toBe(200);

    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'board', `/board/${caseId}`);
    await page.waitForSelector('[data-testid="board-case"]');
    logTimings('board viewer', await waitForViewer(page));
    const [volume] = await waitForShownRead(page, 'board-viewer', 1);
    expect(volume).toBeGreaterThan(0);
    expect(await page.getAttribute('[data-testid="board-viewer"] [data-testid="viewer"]', 'data-read-only')).toBe('true');
    expect(await page.textContent('[data-testid="board-viewer"] [data-testid="viewer-shown"]')).toBe(
      `Showing the approved consensus, version ${consensus.version} (staple)`,
    );
    // the consensus covers the three drawn slices: the lesion panel says so
    const sops = new Set(consensus.content.lesions[0].contours.map((c) => c.sopInstanceUid));
    expect(sops.size).toBe(3);
    expect(await page.textContent('[data-testid="board-viewer"] [data-testid="lesion-slices"]')).toMatch(/ · slices (\d+)–(\d+)/);
    const [, first, last] = /slices (\d+)–(\d+)/.exec((await page.textContent('[data-testid="board-viewer"] [data-testid="lesion-slices"]'))!)!;
    expect(Number(last) - Number(first) + 1).toBe(3);
    expect(await page.isVisible('[data-testid="board-viewer"] [data-testid="tool-freehand"]')).toBe(false);
  });
});
