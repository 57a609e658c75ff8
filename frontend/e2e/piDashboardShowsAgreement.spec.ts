import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';
import { demoCt, openStudyOnDemoCt, saveAndSubmit, slicesOf, square, type Slice } from './support/readerStudies';

const READERS = ['reader1', 'reader2', 'reader3'];

/** One lesion drawn as squares on three neighbouring slices, centred on pixel (column, row). */
function lesion(slices: Slice[], column: number, row: number, half: number) {
  return {
    lesions: [{ id: 'lesion-1', label: 'primary tumour', contours: slices.map((s) => square(s, column, row, half)) }],
  };
}

async function count(page: Page, selector: string): Promise<number> {
  return page.locator(selector).count();
}

describe('the PI dashboard', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('shows the agreement of three submitted reads, and the PI approves a STAPLE consensus on the case page', async () => {
    const { studyId, caseId } = await openStudyOnDemoCt(`Dashboard study ${Date.now()}`, READERS);
    const { studyUid, seriesUid } = await demoCt();
    const slices = await slicesOf(studyUid, seriesUid);
    const middle = Math.floor(slices.length / 2);
    const three = slices.slice(middle - 1, middle + 2);
    // readers 1 and 2 nearly agree (30-voxel squares, 2 voxels apart: Dice 28/30); reader 3 draws a 12-voxel square
    // inside both (Dice 2·144/(144 + 900) ≈ 0.28 with each)
    await saveAndSubmit('reader1', caseId, lesion(three, 256, 300, 15));
    await saveAndSubmit('reader2', caseId, lesion(three, 258, 300, 15));
    await saveAndSubmit('reader3', caseId, lesion(three, 256, 300, 6));

    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'pi', `/studies/${studyId}/dashboard`);
    await page.waitForSelector('[data-testid="dice-heatmap"]');

    // reader × reader heatmap: 3 × 3 minus the diagonal, each cell with its value
    expect(await count(page, '[data-testid="heatmap-cell"]')).toBe(6);
    expect(await count(page, '[data-testid="heatmap-diagonal"]')).toBe(3);
    const cells = await page.$$eval('[data-testid="heatmap-cell"]', (els) =>
      els.map((e) => ({ a: e.getAttribute('data-a'), b: e.getAttribute('data-b'), value: Number(e.getAttribute('data-value')) })),
    );
    const dice = (a: string, b: string) => cells.find((c) => c.a === a && c.b === b)!.value;
    expect(dice('reader1', 'reader2')).toBeGreaterThan(0.85);
    expect(dice('reader1', 'reader3')).toBeLessThan(0.5);
    expect(dice('reader3', 'reader1')).toBe(dice('reader1', 'reader3'));
    await page.waitForSelector('[data-testid="heatmap-legend"]');

    // submissions, per-reader summary, Bland–Altman points (one per pair) and pair lines
    expect(await page.getAttribute('[data-testid="submission-progress"] [role="progressbar"]', 'aria-valuenow')).toBe('3');
    expect(await count(page, '[data-testid="reader-summary"] tbody tr')).toBe(3);
    expect(await count(page, '[data-testid="ci-row"]')).toBe(3);
    expect(await count(page, '[data-testid="ba-point"]')).toBe(3);
    expect(await count(page, '[data-testid="ba-bias"]')).toBe(3);
    expect(await count(page, '[data-testid="bland-altman-pairs"] tbody tr')).toBe(3);

    // per-case table: one lesion row, flagged at the default threshold 0.7, not at 0.2
    expect(await count(page, '[data-testid="case-agreement-row"]')).toBe(1);
    await page.waitForSelector('[data-testid="case-agreement-row"][data-flagged="true"]');
    await page.fill('[data-testid="threshold-input"]', '0.2');
    await page.waitForSelector('[data-testid="case-agreement-row"][data-flagged="false"]');
    expect(await page.textContent('[data-testid="outlier-count"]')).toBe('0 of 1 lesion rows flagged');

    // the cases table as CSV, exactly as the server exports it
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="csv-cases"]')]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^delineo-study-${studyId}-dashboard-study-\\d+-cases-below-0\\.20-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('case_id,case,lesion_label,series_uid,readers,mean_dice,min_dice,mean_hd95_mm,outlier,'
      + 'volume_ml_reader1,volume_ml_reader2,volume_ml_reader3');
    expect(csv[1]).toMatch(new RegExp(`^${caseId},Agreement case,primary tumour,${seriesUid.replace(/\./g, '\\.')},3,.*,false,`));

    // case review: pairwise metrics, then a STAPLE consensus with per-reader sensitivity and specificity
    await page.click(`[data-testid="case-agreement-row"] a`);
    await page.waitForSelector('[data-testid="case-review"]');
    expect(new URL(page.url()).pathname).toBe(`/studies/${studyId}/cases/${caseId}`);
    await page.waitForSelector('[data-testid="pair-row"]');
    expect(await count(page, '[data-testid="pair-row"]')).toBe(3);
    expect(await count(page, '[data-testid="case-viewer-slot"]')).toBe(1);
    // the reads arrive independently of the agreement (and the case viewer loads meanwhile): wait for them
    await page.waitForSelector('[data-testid="reads-table"] button:has-text("Reopen")');
    expect(await count(page, '[data-testid="reads-table"] button:has-text("Reopen")')).toBe(3);

    await page.selectOption('[data-testid="consensus-method"]', 'staple');
    await page.click('button:has-text("Create consensus")');
    const version = '[data-testid="consensus-version"][data-version="1"]';
    await page.waitForSelector(`${version} [data-testid="staple-stats"]`);
    const stats = await page.$$eval(`${version} [data-testid="staple-row"]`, (rows) =>
      rows.map((r) => ({
        reader: r.getAttribute('data-reader'),
        sensitivity: Number(r.querySelector('[data-testid="sensitivity"]')?.textContent),
        specificity: Number(r.querySelector('[data-testid="specificity"]')?.textContent),
      })),
    );
    expect(stats.map((s) => s.reader)).toEqual(READERS);
    for (const s of stats) {
      expect(s.sensitivity).toBeGreaterThanOrEqual(0);
      expect(s.sensitivity).toBeLessThanOrEqual(1);
      expect(s.specificity).toBeGreaterThan(0.9);
      expect(s.specificity).toBeLessThanOrEqual(1);
    }
    // reader 3's small square misses most of what the others agree on
    expect(stats[2].sensitivity).toBeLessThan(stats[0].sensitivity);
    expect(await page.textContent(`${version} [data-testid="consensus-sources"]`)).toBe('From: reader1 v1, reader2 v1, reader3 v1');

    await page.click(`${version} [data-testid="approve-consensus"]`);
    await page.waitForSelector(`${version}[data-approved="true"] [data-testid="approved-chip"]`);
    await page.waitForSelector('[data-testid="versus-consensus"]');
    const consensus = await apiJson<{ version: number; approved: boolean; approvedBy: string }[]>('pi', `/api/cases/${caseId}/consensus`);
    expect(consensus.map((c) => [c.version, c.approved, c.approvedBy])).toEqual([[1, true, 'pi']]);
  });
});
