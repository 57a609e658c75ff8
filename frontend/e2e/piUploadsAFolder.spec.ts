import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type Session } from './support/browser';
import { freshCtFolder } from './support/dicomFiles';
import { loginAs } from './support/login';

describe('the PI uploads a folder of CT images in the browser', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('stores every file, shows progress and per-file results, and finds the new study', async () => {
    const patientId = `UPLOAD-${Date.now()}`;
    const { dir, studyUid } = freshCtFolder(12, patientId);
    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'pi', '/archive');
    await page.waitForSelector('[data-testid="archive-screen"]');

    await page.setInputFiles('[data-testid="upload-folder"]', dir);
    const summary = page.locator('[data-testid="upload-summary"]');
    await summary.filter({ hasText: 'done' }).waitFor();
    expect(await summary.textContent()).toBe('12 / 12 files · 12 stored · 0 already stored · 0 refused · done');
    const statuses = await page.$$eval('[data-testid="upload-results"] tr td:first-child', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(statuses).toEqual(Array(12).fill('stored'));
    expect(await page.getAttribute('[data-testid="upload-progress"]', 'value')).toBe('12');

    await page.fill('label:has-text("Patient ID contains") input', patientId);
    const row = page.locator(`[data-study-uid="${studyUid}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(6).textContent()).toBe('12');
  });
});
