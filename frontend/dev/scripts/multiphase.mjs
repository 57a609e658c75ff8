// Dev only (needs the dev Orthanc and harness): two phases side by side — linked scrolling by patient position
// (3 mm vs 6 mm series with different z-ranges), unlinking, and a lesion drawn on the second phase.
// Usage: node dev/scripts/multiphase.mjs   (exit code 1 on failure)
import { openBrowser, waitForViewer, HARNESS } from './browser.mjs';
import { drawLoop, elementBox, goToSlice, settle } from './harnessActions.mjs';

const b = await openBrowser();
const { page } = b;
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const pos = (pane) => page.evaluate((p) => window.__delineoViewer.getSlicePositionMm(p), pane);
const index = (pane) => page.evaluate((p) => window.__delineoViewer.getSliceIndex(p), pane);

try {
  await page.goto(`${HARNESS}/?phases=2`);
  await waitForViewer(page, 2);
  await settle(page, 300);
  check(Math.abs((await pos(0)) - (await pos(1))) <= 3.0001, `panes start at the same position (${await pos(0)} / ${await pos(1)} mm)`);

  // the second series' extent, read from the viewer with Link off
  await page.keyboard.press('k');
  await goToSlice(page, 1, 0);
  const top1 = await pos(1);
  const count1 = Number(await page.getAttribute('[data-testid="viewport-1"]', 'data-slice-count'));
  await goToSlice(page, 1, count1 - 1);
  const bottom1 = await pos(1);
  await page.keyboard.press('k');
  console.log(`second series spans ${bottom1}..${top1} mm`);
  // scroll the 3 mm series through its whole range; the 6 mm one follows by position, never by index
  let worst = 0;
  let outOfRangeSeen = false;
  for (const k of [0, 5, 8, 9, 10, 11, 20, 37, 50, 68, 69, 70, 71, 78]) {
    await goToSlice(page, 0, k);
    await settle(page, 150);
    const z0 = await pos(0);
    const z1 = await pos(1);
    const inRange = z0 <= top1 + 3 + 1e-6 && z0 >= bottom1 - 3 - 1e-6;
    const warning = await page.isVisible('[data-testid="link-out-of-range-1"]');
    if (inRange) worst = Math.max(worst, Math.abs(z0 - z1));
    else outOfRangeSeen ||= warning;
    check(warning === !inRange, `slice ${k + 1} at ${z0.toFixed(2)} mm → phase 2 at ${z1.toFixed(2)} mm${warning ? ' (outside, warned)' : ''}`);
  }
  check(worst <= 3.0001, `inside the second series the linked slices are at most half a 6 mm spacing apart (worst ${worst.toFixed(3)} mm)`);
  check(outOfRangeSeen, 'outside the second series the viewer says so');

  // scrolling the 6 mm series drives the 3 mm one to the identical position
  await page.click('[data-testid="viewport-1"]', { position: { x: 20, y: 300 } });
  await goToSlice(page, 1, 12);
  await settle(page, 200);
  check((await pos(0)) === (await pos(1)), `phase 2 slice 13 (${await pos(1)} mm) → arterial at ${await pos(0)} mm`);
  check((await index(0)) === Math.round((484.91 - (await pos(1))) / 3), `arterial index ${await index(0)} = (484.91 − z)/3`);

  // unlink (K): the other pane stays put
  await page.keyboard.press('k');
  const before = await index(1);
  await goToSlice(page, 0, 60);
  await settle(page, 200);
  check((await index(1)) === before, 'with Link off the other phase does not move');
  await page.keyboard.press('k');
  await settle(page, 200);
  check(Math.abs((await pos(0)) - (await pos(1))) <= 3.0001, 'Link on again re-aligns the phases');

  // a lesion on the second phase: the new lesion belongs to the active pane's series
  await page.click('[data-testid="viewport-1"]', { position: { x: 20, y: 300 } });
  await page.keyboard.press('n');
  await page.keyboard.press('f');
  await goToSlice(page, 1, 20);
  const box = await elementBox(page, 1);
  await drawLoop(page, 1, box.width / 2 + 20, box.height / 2, 35);
  await settle(page);
  const read = await page.evaluate(() => window.__delineoViewer.getCanonicalRead());
  const lesion = read.lesions[0];
  const series1 = await page.evaluate(() => document.querySelector('[data-testid="viewport-1"]')?.getAttribute('data-slice-count'));
  check(read.lesions.length === 1 && lesion.contours.length === 1, 'one lesion with one contour');
  check(lesion.seriesInstanceUid.startsWith('1.2.826.0.1.3680043.8.498'), `lesion is on the second phase's series (${lesion.seriesInstanceUid.slice(0, 30)}…, ${series1} slices)`);
  const [l] = await page.evaluate(() => window.__delineoViewer.lesions());
  check(l.phaseLabel === 'portal venous*' && l.measure.volumeMl > 0 && l.measure.sliceRange.first === 20, `volume ${l.measure.volumeMl.toFixed(2)} mL on the 6 mm grid, slice ${l.measure.sliceRange.first + 1}`);

  // drawing tools act only on the lesion's own phase: a drag on the arterial pane windows instead of drawing
  const w = await page.textContent('[data-testid="window-0"]');
  const box0 = await elementBox(page, 0);
  await page.mouse.move(box0.x + box0.width / 2, box0.y + box0.height / 2);
  await page.mouse.down();
  await page.mouse.move(box0.x + box0.width / 2 + 60, box0.y + box0.height / 2 + 40, { steps: 8 });
  await page.mouse.up();
  await settle(page);
  const after = await page.evaluate(() => window.__delineoViewer.getCanonicalRead());
  check(after.lesions[0].contours.length === 1 && (await page.textContent('[data-testid="window-0"]')) !== w, 'on the other phase the left button windows, it does not draw');
  await page.screenshot({ path: '/tmp/delineo-multiphase.png' });
  check(b.errors.length === 0, `no page errors (${b.errors.join('; ')})`);
} finally {
  await b.close();
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
