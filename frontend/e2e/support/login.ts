import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { env } from './env';

/** Signs in through the real Keycloak login page (demo password = user name) and waits for the portal. */
export async function loginAs(page: Page, user: string, path = '/'): Promise<void> {
  await page.goto(env.baseUrl + path);
  await page.waitForSelector('#username');
  expect(page.url()).toContain(env.keycloakUrl);
  await page.fill('#username', user);
  await page.fill('#password', user);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.toString().startsWith(env.baseUrl));
  await page.waitForSelector('[data-testid="user-name"]');
  expect(await page.textContent('[data-testid="user-name"]')).toBe(user);
}

export async function navLabels(page: Page): Promise<string[]> {
  return page.$$eval('header nav a', (links) => links.map((a) => a.textContent ?? ''));
}
