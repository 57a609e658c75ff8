// On demand, not in CI: how long a reader waits for the demo CT in the real portal. Headless Chromium signs in
// through Keycloak as a reader, opens /read/{caseId} of the demo reader study (79 slices, 512×512, uncompressed)
// and reads the viewer's own timings: first decoded image on screen and all slices loaded, measured from the
// moment the viewer opened. Every run uses a fresh browser profile (cold HTTP cache, new login).
// Usage: node bench/viewer/portal-load.mjs [--runs 5] [--url http://localhost:8080] [--reader reader1] [--case N]
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', 5));
const base = arg('url', process.env.DELINEO_URL ?? 'http://localhost:8080');
const reader = arg('reader', 'reader1');
// Software WebGL2 (SwiftShader), as in the browser tests; never --disable-software-rasterizer.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'];

async function once() {
  const profile = mkdtempSync(join(tmpdir(), 'delineo-bench-viewer-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS,
    viewport: { width: 1600, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(180_000);
    await page.goto(`${base}/worklist`);
    await page.fill('#username', reader);
    await page.fill('#password', reader);
    await page.click('#kc-login');
    await page.waitForSelector('[data-testid="user-name"]');
    // the first case of the reader's worklist (the demo CT on a fresh `./delineo up`), or --case N
    await page.waitForSelector('[data-testid="worklist-table"] tr[data-case-id]');
    const target = arg('case', await page.getAttribute('[data-testid="worklist-table"] tr[data-case-id]', 'data-case-id'));
    await page.click(`[data-testid="worklist-table"] tr[data-case-id="${target}"] a`);
    const pane = '[data-testid="viewport-0"]';
    await page.waitForFunction((sel) => (document.querySelector(sel)?.getAttribute('data-all-slices-ms') ?? '') !== '', pane);
    const num = async (a) => Number(await page.getAttribute(pane, a));
    return { first: await num('data-first-image-ms'), all: await num('data-all-slices-ms'),
      slices: await num('data-slice-count') };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await once(); // warm the portal (JIT, PostgreSQL and file caches); not counted
const results = [];
for (let n = 0; n < runs; n++) results.push(await once());
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)})`;
};
console.log(`${runs} cold runs against ${base} as ${reader}, ${results[0].slices} slices, ${new Date().toISOString()}`);
console.log(`  first image on screen ${stat(results.map((r) => r.first))}`);
console.log(`  all slices loaded     ${stat(results.map((r) => r.all))}`);
