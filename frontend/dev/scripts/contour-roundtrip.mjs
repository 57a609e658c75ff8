// Dev only (needs the dev Orthanc and harness): draws contours with the mouse, interpolates, paints with the brush,
// exports the canonical read, reloads the page, re-imports it and compares patient coordinates and volumes.
// Usage: node dev/scripts/contour-roundtrip.mjs      (exit code 1 on any mismatch)
import { writeFileSync } from 'node:fs';
import { openBrowser, waitForViewer, HARNESS } from './browser.mjs';
import { brushStroke, drawLoop, elementBox, goToSlice, maxPointDifference, settle } from './harnessActions.mjs';

const b = await openBrowser();
const { page } = b;
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const unauthorised = [];
page.on('request', (r) => {
  if (r.url().includes('/dicom-web/') && !/^Bearer \S+/.test(r.headers()['authorization'] ?? '')) unauthorised.push(r.url());
});

try {
  await page.goto(`${HARNESS}/?phases=1`);
  await waitForViewer(page, 1);
  const box = await elementBox(page, 0);
  const cx = box.width / 2 + 40;
  const cy = box.height / 2;

  // lesion 1: freehand on slices 50 and 56, interpolation in between
  await page.click('[data-testid="new-lesion"]');
  await page.click('[data-testid="tool-freehand"]');
  await goToSlice(page, 0, 50);
  await drawLoop(page, 0, cx, cy, 40);
  await goToSlice(page, 0, 56);
  await drawLoop(page, 0, cx + 5, cy, 55);
  await settle(page, 1200);
  let lesions = await page.evaluate(() => window.__delineoViewer.lesions());
  check(lesions.length === 1 && lesions[0].pendingInterpolations === 5, `5 interpolation proposals between slices 51 and 57 (got ${lesions[0]?.pendingInterpolations})`);
  await page.keyboard.press('i');
  await settle(page);
  lesions = await page.evaluate(() => window.__delineoViewer.lesions());
  check(lesions[0].pendingInterpolations === 0 && lesions[0].measure.contourCount === 7, `interpolation accepted: 7 contours (got ${lesions[0].measure.contourCount})`);

  // lesion 2: brush strokes on slice 40, labelled "liver metastasis"
  await page.selectOption('[data-testid="new-lesion-label"]', 'liver metastasis');
  await page.click('[data-testid="new-lesion"]');
  await page.click('[data-testid="tool-brush"]');
  await goToSlice(page, 0, 40);
  await brushStroke(page, 0, [box.width / 2 - 150, box.height / 2 - 20], [box.width / 2 - 90, box.height / 2 + 10]);
  await settle(page);

  const panelVolumes = await page.$$eval('[data-testid="lesion-row"]', (rows) => rows.map((r) => Number(r.getAttribute('data-volume-ml'))));
  const panelText = await page.$$eval('[data-testid="lesion-volume"]', (els) => els.map((e) => e.textContent));
  console.log('panel volumes', panelVolumes, panelText);
  check(panelVolumes.length === 2 && panelVolumes.every((v) => v > 0), 'both lesions have a volume in the panel');

  const saved = await page.evaluate(() => window.__delineoViewer.getCanonicalRead());
  writeFileSync('/tmp/delineo-roundtrip-read.json', JSON.stringify(saved, null, 1));
  const origins = saved.lesions.map((l) => [...new Set(l.contours.map((c) => c.origin))].join('+'));
  console.log('origins', origins);
  check(origins[0] === 'freehand+interpolated' && origins[1] === 'brush', 'contour origins freehand+interpolated / brush');
  check(saved.lesions[1].label === 'liver metastasis', 'second lesion label');

  // reload the page and re-import the saved JSON
  await page.reload();
  await waitForViewer(page, 1);
  check((await page.evaluate(() => window.__delineoViewer.lesions().length)) === 0, 'fresh page has no lesions');
  await page.evaluate((read) => window.__delineoViewer.loadRead(read), saved);
  await settle(page);
  const again = await page.evaluate(() => window.__delineoViewer.getCanonicalRead());
  const { worst, points } = maxPointDifference(saved, again);
  console.log(`compared ${points} points, largest coordinate difference ${worst.toExponential(2)} mm`);
  check(worst < 1e-9, 'same patient coordinates after reload (< 1e-9 mm)');
  const volumesAgain = await page.$$eval('[data-testid="lesion-row"]', (rows) => rows.map((r) => Number(r.getAttribute('data-volume-ml'))));
  console.log('volumes after reload', volumesAgain);
  check(JSON.stringify(volumesAgain) === JSON.stringify(panelVolumes), 'same volumes after reload');
  await goToSlice(page, 0, 53);
  await settle(page, 300);
  await page.screenshot({ path: '/tmp/delineo-roundtrip.png' });
  check(unauthorised.length === 0, `every DICOMweb request carried a bearer token (${unauthorised.length} without)`);
  check(b.errors.length === 0, `no page errors (${b.errors.join('; ')})`);
} finally {
  await b.close();
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
