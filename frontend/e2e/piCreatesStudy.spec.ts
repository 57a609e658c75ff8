import { afterEach, describe, expect, it } from 'vitest';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';
import { demoCt, DEMO_PATIENT_ID } from './support/readerStudies';

interface WorklistItem {
  caseId: number;
  studyId: number;
  studyName: string;
  caseLabel: string;
  studyStatus: string;
  status: string;
  phases: { phase: string; seriesInstanceUid: string }[];
}

const READERS = ['reader1', 'reader2', 'reader3'];

describe('the PI creates a reader study in the browser', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('sets it up on the demo CT, assigns three readers, adds the case with its phase, opens it; the readers get it', async () => {
    const { studyUid, seriesUid } = await demoCt();
    const name = `Browser-made study ${Date.now()}`;
    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'pi');
    await page.waitForSelector('[data-testid="study-list"]');

    await page.click('button:has-text("New study")');
    await page.waitForSelector('[data-testid="study-form"]');
    expect(new URL(page.url()).pathname).toBe('/studies/new');
    await page.fill('input[name="name"]', name);
    await page.fill('textarea[name="purpose"]', 'Contour the primary tumour on the portal-venous phase.');
    await page.fill('[data-testid="label-input"]', 'primary tumour');
    await page.press('[data-testid="label-input"]', 'Enter');
    await page.waitForSelector('[data-testid="label-chips"] [data-label="primary tumour"]');
    await page.check('input[name="phase"][value="CT_PORTAL_VENOUS"]');
    for (const r of READERS) await page.check(`input[name="reader"][value="${r}"]`);
    expect(await page.isChecked('input[name="blinded"]')).toBe(true);
    await page.click('button:has-text("Create study")');

    await page.waitForSelector('[data-testid="study-page"]');
    const studyId = Number(await page.getAttribute('[data-testid="study-page"]', 'data-study-id'));
    expect(new URL(page.url()).pathname).toBe(`/studies/${studyId}`);
    expect(await page.textContent('[data-testid="study-status"]')).toBe('draft');

    // add the demo CT as a case: search the archive, choose the study, confirm the series' phase
    await page.click('[data-testid="add-case-toggle"]');
    await page.fill('[data-testid="patient-search"]', DEMO_PATIENT_ID);
    await page.click('button:has-text("Search archive")');
    await page.click(`[data-testid="archive-results"] tr[data-study-uid="${studyUid}"] button`);
    const seriesRow = `[data-testid="series-table"] tr[data-series-uid="${seriesUid}"]`;
    await page.waitForSelector(seriesRow);
    await page.selectOption(`${seriesRow} select`, 'CT_PORTAL_VENOUS');
    await page.fill('label:has-text("Case label") input', 'Demo CT');
    await page.click('[data-testid="add-case-submit"]');
    const caseRow = '[data-testid="cases-table"] tr[data-case-label="Demo CT"]';
    await page.waitForSelector(caseRow);
    expect(await page.$$eval(`${caseRow} [data-testid="read-status"]`, (els) => els.map((e) => e.textContent))).toEqual(
      READERS.map(() => 'not started'),
    );

    await page.click('button:has-text("Open study")');
    await page.waitForSelector('[data-testid="study-status"]:text-is("open")');

    const study = await apiJson<{ status: string; readers: string[]; caseCount: number; blinded: boolean }>(
      'pi',
      `/api/reader-studies/${studyId}`,
    );
    expect(study).toMatchObject({ status: 'OPEN', readers: READERS, caseCount: 1, blinded: true });

    for (const reader of READERS) {
      const items = (await apiJson<WorklistItem[]>(reader, '/api/worklist')).filter((i) => i.studyId === studyId);
      expect(items, reader).toHaveLength(1);
      expect(items[0]).toMatchObject({ studyName: name, caseLabel: 'Demo CT', studyStatus: 'OPEN', status: 'NOT_STARTED' });
      expect(items[0].phases.map((p) => [p.phase, p.seriesInstanceUid])).toEqual([['CT_PORTAL_VENOUS', seriesUid]]);
    }
  });
});
