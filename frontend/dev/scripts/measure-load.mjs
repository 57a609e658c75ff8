// Dev only (needs the dev Orthanc and harness): time from opening the viewer to the first image on screen and to
// all slices loaded, in headless Chromium (SwiftShader WebGL) against the dev Orthanc. Each run uses a fresh
// browser profile (cold HTTP cache); the harness page and its modules are warmed once first.
// Usage: node dev/scripts/measure-load.mjs [runs=5] [phases=1]
import { openBrowser, waitForViewer, HARNESS } from './browser.mjs';

const runs = Number(process.argv[2] ?? 5);
const phases = Number(process.argv[3] ?? 1);
const url = `${HARNESS}/?phases=${phases}`;

async function once() {
  const b = await openBrowser();
  try {
    await b.page.goto(url);
    await waitForViewer(b.page, phases);
    return await b.page.evaluate(() => window.__delineoViewer.getLoadTimings());
  } finally {
    await b.close();
  }
}

await once(); // warm Vite's module transforms and Orthanc's storage cache
const results = [];
for (let n = 0; n < runs; n++) results.push(await once());

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = ({ median, min, max }) => `${median.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)})`;
console.log(`${runs} cold runs, ${phases} phase(s), ${new Date().toISOString()}`);
for (let p = 0; p < phases; p++) {
  const t = results.map((r) => r[p]);
  console.log(`pane ${p}: ${t[0].slices} slices`);
  console.log(`  viewer opened at      ${fmt(stats(t.map((x) => x.openedAtMs)))} after navigation start`);
  console.log(`  metadata parsed       ${fmt(stats(t.map((x) => x.metadataMs)))}`);
  console.log(`  first image on screen ${fmt(stats(t.map((x) => x.firstImageMs)))}`);
  console.log(`  all slices loaded     ${fmt(stats(t.map((x) => x.allSlicesMs)))}`);
  console.log(`  failed frames         ${t.map((x) => x.failed).join(', ')}`);
}
