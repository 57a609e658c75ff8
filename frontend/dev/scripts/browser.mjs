// Dev only: headless Chromium (Debian) for the harness scripts. WebGL2 comes from SwiftShader; never add
// --disable-software-rasterizer (labelmaps and volume viewports break).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export const HARNESS = process.env.HARNESS_URL ?? 'http://localhost:5181';

export async function openBrowser({ width = 1600, height = 900 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'delineo-harness-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width, height },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => {
    errors.push(e.message);
    console.error('[page error]', e.message);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('[console]', m.text());
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until every viewport of the harness shows an image and all slices are loaded. */
export async function waitForViewer(page, panes) {
  await page.waitForFunction(() => !!window.__delineoViewer);
  for (let i = 0; i < panes; i++) {
    await page.waitForSelector(`[data-testid="viewport-${i}"][data-status="ready"]`);
    await page.waitForFunction((n) => document.querySelector(`[data-testid="viewport-${n}"]`)?.getAttribute('data-all-slices-ms') !== '', i);
  }
}
