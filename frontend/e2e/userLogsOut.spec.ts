import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type Session } from './support/browser';
import { env } from './support/env';
import { loginAs } from './support/login';

describe('logout', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('ends the Keycloak session: the portal asks for a login again', async () => {
    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'board');
    await page.waitForSelector('[data-testid="board-screen"]');
    await page.click('button:has-text("Log out")');
    await page.waitForSelector('#username');
    expect(page.url()).toContain(env.keycloakUrl);

    await page.goto(env.baseUrl + '/board');
    await page.waitForSelector('#username');
    expect(page.url()).toContain(env.keycloakUrl);
  });
});
