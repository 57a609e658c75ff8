// Dev only: opens the harness and saves a screenshot. Usage: node dev/scripts/screenshot.mjs [query] [out.png]
import { openBrowser, waitForViewer, HARNESS } from './browser.mjs';

const query = process.argv[2] ?? 'phases=1';
const out = process.argv[3] ?? '/tmp/delineo-harness.png';
const panes = Number(new URLSearchParams(query).get('phases') ?? 2);
const b = await openBrowser();
try {
  await b.page.goto(`${HARNESS}/?${query}`);
  await waitForViewer(b.page, panes);
  await b.page.waitForTimeout(500);
  await b.page.screenshot({ path: out });
  console.log('timings', JSON.stringify(await b.page.evaluate(() => window.__delineoViewer.getLoadTimings())));
  console.log('saved', out);
} finally {
  await b.close();
}
