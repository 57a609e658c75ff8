// Dev only (needs the dev Orthanc and harness): exercises every tool and shortcut once with real mouse/keyboard
// events and checks its effect. Usage: node dev/scripts/tools-smoke.mjs   (exit code 1 on failure)
import { openBrowser, waitForViewer, HARNESS } from './browser.mjs';
import { brushStroke, drawLoop, elementBox, goToSlice, settle } from './harnessActions.mjs';

const b = await openBrowser();
const { page } = b;
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const text = (testid) => page.textContent(`[data-testid="${testid}"]`);
const lesion = async (n) => (await page.evaluate(() => window.__delineoViewer.lesions()))[n];
const drag = async (from, to, steps = 10) => {
  const box = await elementBox(page, 0);
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + to[0], box.y + to[1], { steps });
  await page.mouse.up();
};
// Cornerstone holds a single click back ~400 ms to tell it from a double click: click slowly
const click = async (p) => {
  const box = await elementBox(page, 0);
  await page.mouse.click(box.x + p[0], box.y + p[1]);
  await page.waitForTimeout(150);
};

try {
  await page.goto(`${HARNESS}/?phases=1`);
  await waitForViewer(page, 1);
  const box = await elementBox(page, 0);
  const c = [box.width / 2, box.height / 2];

  check((await text('marker-left-0')) === 'R' && (await text('marker-top-0')) === 'A', 'orientation markers R (left) and A (top) on the axial CT');
  check((await text('slice-counter-0')).includes('/ 79'), `slice counter: ${await text('slice-counter-0')}`);

  // window/level
  const before = await text('window-0');
  await drag([c[0], c[1]], [c[0] + 80, c[1] + 40]);
  check((await text('window-0')) !== before, `W/L drag changes the window (${before} → ${await text('window-0')})`);
  await page.click('[data-testid="preset-liver"]');
  check((await text('window-0')).startsWith('W 150 L 30'), `liver preset: ${await text('window-0')}`);
  await page.keyboard.press('4');
  check((await text('window-0')).startsWith('W 1800 L 400'), `bone preset by key 4: ${await text('window-0')}`);
  await page.keyboard.press('2');
  check((await text('window-0')).startsWith('W 350 L 40'), `pancreas preset by key 2: ${await text('window-0')}`);

  // zoom and pan measured on a fixed patient point
  const anchor = await page.evaluate(([x, y]) => window.__delineoViewer.canvasToPatient(0, x, y), [c[0] + 100, c[1]]);
  const where = () => page.evaluate((p) => window.__delineoViewer.patientToCanvas(0, p), anchor);
  const w0 = await where();
  await page.keyboard.press('z');
  await drag([c[0], c[1]], [c[0], c[1] - 120]);
  const w1 = await where();
  check(Math.abs(w1[0] - c[0]) - Math.abs(w0[0] - c[0]) > 10 || Math.abs(w1[0] - w0[0]) > 10, `zoom moves a point away from the centre (${w0[0].toFixed(0)} → ${w1[0].toFixed(0)})`);
  await page.keyboard.press('p');
  await drag([c[0], c[1]], [c[0] + 60, c[1] + 30]);
  const w2 = await where();
  check(Math.abs(w2[0] - w1[0] - 60) < 3 && Math.abs(w2[1] - w1[1] - 30) < 3, `pan shifts by the drag (${(w2[0] - w1[0]).toFixed(1)}, ${(w2[1] - w1[1]).toFixed(1)})`);
  await page.keyboard.press('r');
  await settle(page, 200);
  const w3 = await where();
  check(Math.abs(w3[0] - w0[0]) < 1 && Math.abs(w3[1] - w0[1]) < 1, 'R resets zoom and pan');

  // scrolling: keys and wheel
  const k0 = await page.evaluate(() => window.__delineoViewer.getSliceIndex(0));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await settle(page, 200);
  check((await page.evaluate(() => window.__delineoViewer.getSliceIndex(0))) === k0 + 2, 'arrow down moves two slices');
  await page.mouse.move(box.x + c[0], box.y + c[1]);
  await page.mouse.wheel(0, -300);
  await settle(page, 300);
  check((await page.evaluate(() => window.__delineoViewer.getSliceIndex(0))) < k0 + 2, 'mouse wheel scrolls');
  await page.keyboard.press('End');
  await settle(page, 200);
  check((await page.evaluate(() => window.__delineoViewer.getSliceIndex(0))) === 78, 'End goes to the last slice');
  await page.keyboard.press('Home');
  await settle(page, 200);
  check((await page.evaluate(() => window.__delineoViewer.getSliceIndex(0))) === 0, 'Home goes to the first slice');

  // cine
  await page.keyboard.press(' ');
  await settle(page, 1200);
  await page.keyboard.press(' ');
  const kc = await page.evaluate(() => window.__delineoViewer.getSliceIndex(0));
  check(kc >= 2, `cine advanced to slice ${kc + 1} in ~1.2 s (${((kc / 1.2) | 0)} frames/s in SwiftShader; asks for 12)`);
  await settle(page, 400);
  check((await page.evaluate(() => window.__delineoViewer.getSliceIndex(0))) === kc, 'cine stopped');

  // length measurement
  await goToSlice(page, 0, 45);
  await page.keyboard.press('l');
  await drag([c[0] - 100, c[1] + 100], [c[0] + 100, c[1] + 100]);
  await settle(page, 300);
  const svgText = await page.$$eval('[data-testid="viewport-0"] svg text', (ts) => ts.map((t) => t.textContent).join(' '));
  check(/\d+(\.\d+)? mm/.test(svgText), `length measurement shows mm (${svgText.trim().slice(0, 40)})`);
  check((await page.evaluate(() => window.__delineoViewer.getCanonicalRead().lesions.length)) === 0, 'length measurement is not part of the read');

  // editing tools need a lesion
  await page.keyboard.press('f');
  check((await text('viewer-message'))?.includes('Create or select a lesion'), 'drawing without a lesion explains what to do');

  // spline contour by clicks, closed by clicking the first point
  await page.keyboard.press('n');
  await page.keyboard.press('s');
  await goToSlice(page, 0, 52);
  const spline = [[-60, -40], [0, -70], [60, -40], [60, 30], [0, 60], [-60, 30]].map(([x, y]) => [c[0] + x, c[1] + y]);
  for (const p of spline) await click(p);
  await click(spline[0]);
  await page.waitForFunction(() => window.__delineoViewer.lesions()[0]?.measure?.contourCount === 1, null, { timeout: 8000 }).catch(() => {});
  let l0 = await lesion(0);
  check(l0?.measure?.contourCount === 1 && l0.measure.volumeMl > 0, `spline contour closed by clicking the first point (${l0?.measure?.contourCount} contour, ${l0?.measure?.volumeMl?.toFixed(2)} mL)`);

  // livewire contour on another slice
  await page.keyboard.press('v');
  await goToSlice(page, 0, 58);
  const wire = [[-40, -30], [40, -30], [40, 30], [-40, 30]].map(([x, y]) => [c[0] + x, c[1] + y]);
  for (const p of wire) await click(p);
  await click(wire[0]);
  await page.waitForFunction(() => window.__delineoViewer.lesions()[0]?.measure?.contourCount === 2, null, { timeout: 8000 }).catch(() => {});
  l0 = await lesion(0);
  check(l0.measure.contourCount >= 2, `livewire contour added (${l0.measure.contourCount} contours)`);
  const read = await page.evaluate(() => window.__delineoViewer.getCanonicalRead());
  const origins = read.lesions[0].contours.map((x) => x.origin);
  check(origins.includes('spline') && origins.includes('livewire'), `origins recorded: ${origins.join(', ')}`);

  // freehand, select it and delete it, undo the delete
  await page.keyboard.press('f');
  await goToSlice(page, 0, 60);
  await drawLoop(page, 0, c[0], c[1], 50);
  await settle(page);
  const withFreehand = (await lesion(0)).measure.contourCount;
  await page.keyboard.press('w');
  // nothing selected: Delete removes the active lesion's outline on the slice on screen
  await page.keyboard.press('Delete');
  await settle(page);
  const afterDelete = (await lesion(0)).measure.contourCount;
  check(afterDelete === withFreehand - 1, `Delete removes the selected contour (${withFreehand} → ${afterDelete})`);
  await page.keyboard.press('Control+z');
  await settle(page);
  check((await lesion(0)).measure.contourCount === withFreehand, 'Ctrl+Z brings the deleted contour back');

  // undo / redo of drawing a contour
  await page.keyboard.press('f');
  await goToSlice(page, 0, 66);
  await drawLoop(page, 0, c[0], c[1], 30);
  await settle(page);
  const drawn = (await lesion(0)).measure.contourCount;
  await page.keyboard.press('Control+z');
  await settle(page);
  const undone = (await lesion(0)).measure.contourCount;
  await page.keyboard.press('Control+y');
  await settle(page);
  const redone = (await lesion(0)).measure.contourCount;
  check(undone === drawn - 1 && redone === drawn, `Ctrl+Z / Ctrl+Y undo and redo a drawn contour (${drawn} → ${undone} → ${redone})`);

  // brush, eraser, undo, redo
  await page.keyboard.press('n');
  await page.keyboard.press('b');
  await goToSlice(page, 0, 40);
  await brushStroke(page, 0, [c[0] - 150, c[1] - 20], [c[0] - 60, c[1] + 10]);
  await settle(page);
  const painted = (await lesion(1)).measure.voxelCount;
  await page.keyboard.press('e');
  await brushStroke(page, 0, [c[0] - 110, c[1] - 60], [c[0] - 100, c[1] + 60]);
  await settle(page);
  const erased = (await lesion(1)).measure.voxelCount;
  check(painted > 0 && erased < painted, `brush paints ${painted} voxels, eraser leaves ${erased}`);
  await page.keyboard.press('Control+z');
  await settle(page);
  check((await lesion(1)).measure.voxelCount === painted, 'Ctrl+Z undoes the eraser stroke');
  await page.keyboard.press('Control+y');
  await settle(page);
  check((await lesion(1)).measure.voxelCount === erased, 'Ctrl+Y redoes it');

  // labelmap interpolation between two painted slices
  await page.keyboard.press('b');
  await goToSlice(page, 0, 44);
  await brushStroke(page, 0, [c[0] - 150, c[1] - 20], [c[0] - 60, c[1] + 10]);
  await settle(page);
  const beforeInterp = await lesion(1);
  await page.keyboard.press('i');
  await settle(page);
  const afterInterp = await lesion(1);
  check(afterInterp.measure.voxelCount > beforeInterp.measure.voxelCount && afterInterp.measure.sliceRange.first === 40 && afterInterp.measure.sliceRange.last === 44, `brushed slices 41 and 45 interpolated (${beforeInterp.measure.voxelCount} → ${afterInterp.measure.voxelCount} voxels)`);
  await page.keyboard.press('Control+z');
  await settle(page);
  check((await lesion(1)).measure.voxelCount === beforeInterp.measure.voxelCount, 'labelmap interpolation is undoable');

  // help overlay
  await page.keyboard.press('?');
  check(await page.isVisible('[data-testid="help-overlay"]'), '? opens the shortcut help');
  await page.keyboard.press('Escape');
  check(!(await page.isVisible('[data-testid="help-overlay"]')), 'Esc closes it');
  await page.screenshot({ path: '/tmp/delineo-tools.png' });
  check(b.errors.length === 0, `no page errors (${b.errors.join('; ')})`);
} finally {
  await b.close();
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
