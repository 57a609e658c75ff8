import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs, navLabels } from './support/login';

async function filterBy(page: Page, label: string, value: string) {
  await page.fill(`label:has-text("${label}") input`, value);
  await page.click('button:has-text("Filter")');
}

async function column(page: Page, n: number): Promise<string[]> {
  return page.$$eval(`[data-testid="audit-table"] tbody tr td:nth-child(${n})`, (tds) =>
    tds.map((td) => td.textContent ?? ''),
  );
}

describe('the PI', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('sees the Studies and Audit screens, finds a reader\'s refused call, and the chain verifies', async () => {
    // something to find: reader1 tries the audit API and is refused (audited as DENIED)
    expect((await apiGet('reader1', '/api/audit')).status).toBe(403);

    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'pi');
    await page.waitForSelector('[data-testid="studies-screen"]');
    expect(await navLabels(page)).toEqual(['Studies', 'Archive', 'Audit']);

    await page.click('header nav a:has-text("Audit")');
    await page.waitForSelector('[data-testid="audit-table"]');
    expect(new URL(page.url()).pathname).toBe('/audit');

    await filterBy(page, 'User', 'reader1');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-table"] tbody tr').length > 0);
    expect(await column(page, 4)).toContain('ACCESS_DENIED');
    expect(await column(page, 6)).toContain('DENIED');
    expect(new Set(await column(page, 3))).toEqual(new Set(['reader1']));

    // the PI's own reading of the trail is on record too
    await page.fill('label:has-text("User") input', 'pi');
    await filterBy(page, 'Action', 'AUDIT_QUERY');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="audit-table"] tbody tr')];
      return rows.length > 0 && rows.every((tr) => tr.textContent?.includes('AUDIT_QUERY'));
    });

    await page.click('button:has-text("Verify chain")');
    const verdict = await page.waitForSelector('[data-testid="audit-verification"]');
    expect(await verdict.textContent()).toMatch(/^Chain intact: \d+ events verified\.$/);
  });
});
