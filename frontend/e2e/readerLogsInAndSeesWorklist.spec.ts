import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type Session } from './support/browser';
import { loginAs, navLabels } from './support/login';

describe('reader1 logs in through Keycloak', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('lands on the worklist with name, role and reader navigation only', async () => {
    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'reader1');
    await page.waitForSelector('[data-testid="worklist-screen"]');
    expect(new URL(page.url()).pathname).toBe('/worklist');
    expect(await page.$$eval('[data-testid="user-role"]', (els) => els.map((e) => e.textContent))).toEqual(['reader']);
    expect(await navLabels(page)).toEqual(['Worklist']);
  });
});
