import { afterEach, describe, expect, it } from 'vitest';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';
import { demoCt, jsonBody, openStudyOnDemoCt, saveAndSubmit, slicesOf, square, type Slice } from './support/readerStudies';
import { drawLesion, logTimings, sliceCount, waitForViewer, waitSaved } from './support/viewer';

const READERS = ['reader1', 'reader2'];

function lesion(slices: Slice[], half: number) {
  return { lesions: [{ id: 'l1', label: 'primary tumour', contours: slices.map((s) => square(s, 256, 300, half)) }] };
}

interface Consensus {
  version: number;
  method: string;
  basedOn: number | null;
  approved: boolean;
  content: { lesions: { label: string; contours: { sopInstanceUid: string; points: number[][] }[] }[] };
}

describe('the PI edits a consensus in the viewer', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('adds a lesion to the STAPLE consensus, keeps the draft across a reload, and saves it as a new edited version', { timeout: 600_000 }, async () => {
    const { studyId, caseId } = await openStudyOnDemoCt(`Consensus edit ${Date.now()}`, READERS);
    const { studyUid, seriesUid } = await demoCt();
    const slices = await slicesOf(studyUid, seriesUid);
    const middle = Math.floor(slices.length / 2);
    const three = slices.slice(middle - 1, middle + 2);
    for (const [n, reader] of READERS.entries()) await saveAndSubmit(reader, caseId, lesion(three, 14 + 2 * n));
    const staple = await apiJson<Consensus>('pi', `/api/cases/${caseId}/consensus`, jsonBody('POST', { method: 'staple', threshold: 0.5 }));

    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'pi', `/studies/${studyId}/cases/${caseId}`);
    await page.click(`[data-testid="consensus-version"][data-version="${staple.version}"] [data-testid="edit-consensus"]`);
    await page.waitForSelector(`[data-testid="consensus-editor"][data-version="${staple.version}"]`);
    expect(new URL(page.url()).pathname).toBe(`/studies/${studyId}/cases/${caseId}/consensus/${staple.version}/edit`);
    logTimings('PI consensus editor', await waitForViewer(page));
    expect(await page.evaluate(() => window.__delineoViewer!.lesions().length)).toBe(1);

    // a second lesion, far from the first, on a slice of its own
    const k = Math.floor((await sliceCount(page)) / 2) + 10;
    await drawLesion(page, k, 40);
    await waitSaved(page);
    expect(await page.textContent('[data-testid="save-status"]')).toMatch(/^Draft kept in this tab/);
    // nothing reached the server yet
    expect((await apiJson<Consensus[]>('pi', `/api/cases/${caseId}/consensus`)).map((c) => c.version)).toEqual([staple.version]);

    await page.reload();
    await waitForViewer(page);
    expect(await page.evaluate(() => window.__delineoViewer!.lesions().length)).toBe(2);

    await page.click('[data-testid="submit-read"]');
    await page.waitForSelector('[data-testid="submit-dialog"]');
    expect(await page.textContent('#rd-submit-title')).toBe('Save the edited consensus?');
    await page.click('[data-testid="submit-confirm"]');
    // back on the case page, which lists the new version
    await page.waitForSelector(`[data-testid="case-review"] [data-testid="consensus-version"][data-version="${staple.version + 1}"]`, { timeout: 120_000 });
    expect(await page.textContent(`[data-testid="consensus-version"][data-version="${staple.version + 1}"] h3`)).toContain(`edited from v${staple.version}`);

    const versions = await apiJson<Consensus[]>('pi', `/api/cases/${caseId}/consensus`);
    const edited = versions.find((c) => c.version === staple.version + 1)!;
    expect(edited.method).toBe('EDITED');
    expect(edited.basedOn).toBe(staple.version);
    expect(edited.approved).toBe(false);
    expect(edited.content.lesions).toHaveLength(2);
    // the STAPLE lesion came through unchanged: same slices, same points (patient mm)
    const original = staple.content.lesions[0].contours;
    const kept = edited.content.lesions.find((l) => l.contours.length === original.length)!;
    expect(kept.contours.map((c) => c.sopInstanceUid).sort()).toEqual(original.map((c) => c.sopInstanceUid).sort());
    for (const c of original) {
      const same = kept.contours.find((x) => x.sopInstanceUid === c.sopInstanceUid)!;
      expect(same.points.length).toBe(c.points.length);
      same.points.forEach((p, i) => p.forEach((v, j) => expect(v).toBeCloseTo(c.points[i][j], 3)));
    }
    // the version it started from is untouched
    expect(versions.find((c) => c.version === staple.version)!.content).toEqual(staple.content);

    const audit = await apiJson<{ items: { userName: string; action: string; resourceId: string }[] }>(
      'pi',
      `/api/audit?action=CONSENSUS_CREATE&resourceId=${encodeURIComponent(`${caseId}/${edited.version}`)}`,
    );
    expect(audit.items.map((e) => [e.userName, e.action])).toEqual([['pi', 'CONSENSUS_CREATE']]);
  });
});
