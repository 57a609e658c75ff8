// Dev only (needs the dev Orthanc and harness): the reader screen with the localStorage ReadStore of the harness —
// autosave, a real conflict between two tabs (both resolutions), submission, read-only reopening.
// Usage: node dev/scripts/reader-conflict.mjs   (exit code 1 on failure)
import { openBrowser, waitForViewer, HARNESS } from './browser.mjs';
import { drawLoop, elementBox, goToSlice, maxPointDifference, settle } from './harnessActions.mjs';

const b = await openBrowser();
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const caseId = `conflict-${Date.now()}`;
const url = `${HARNESS}/?mode=reader&phases=1&case=${caseId}&debounce=500`;
const saveState = (page) => page.getAttribute('[data-testid="save-status"]', 'data-state');
const waitSaved = (page) => page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(`delineo-dev-read:${k}`) ?? 'null'), caseId);
const contourCount = (read) => read.lesions.reduce((n, l) => n + l.contours.length, 0);
/** Waits until the stored read has `n` contours and the page says everything is saved. */
async function savedWith(page, n) {
  await page.waitForFunction(
    ([k, count]) => {
      const s = JSON.parse(localStorage.getItem(`delineo-dev-read:${k}`) ?? 'null');
      const stored = s ? s.read.lesions.reduce((m, l) => m + l.contours.length, 0) : -1;
      return stored === count && document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved';
    },
    [caseId, n],
  );
  return stored(page);
}

async function open(page) {
  await page.goto(url);
  await page.waitForSelector('[data-testid="reader-screen"]');
  await waitForViewer(page, 1);
  await settle(page, 300);
}

async function draw(page, k, r) {
  await page.keyboard.press('f');
  await goToSlice(page, 0, k);
  const box = await elementBox(page, 0);
  await drawLoop(page, 0, box.width / 2 + 30, box.height / 2, r);
}

try {
  const a = b.page;
  await open(a);
  check((await saveState(a)) === 'saved', 'a new case starts saved (empty read)');
  await a.keyboard.press('n');
  await draw(a, 50, 40);
  let s = await savedWith(a, 1);
  check(Number(s.version) >= 1, `autosaved: version ${s.version}, 1 contour`);

  // the read survives a reload exactly
  const before = await a.evaluate(() => window.__delineoViewer.getCanonicalRead());
  await open(a);
  const after = await a.evaluate(() => window.__delineoViewer.getCanonicalRead());
  const diff = maxPointDifference(before, after);
  check(diff.worst === 0, `reopened read has identical coordinates (${diff.points} points, max diff ${diff.worst})`);

  // tab B edits the same case and saves first
  const bPage = await b.context.newPage();
  bPage.setDefaultTimeout(120_000);
  await open(bPage);
  check((await bPage.evaluate(() => window.__delineoViewer.lesions().length)) === 1, 'tab B sees the saved lesion');
  await draw(bPage, 56, 30);
  const afterB = await savedWith(bPage, 2);
  check(Number(afterB.version) > Number(s.version), `tab B saved version ${afterB.version}`);

  // tab A edits its stale copy → conflict, nothing overwritten
  await a.bringToFront();
  await draw(a, 44, 35);
  await a.waitForSelector('[data-testid="conflict-dialog"]');
  check((await saveState(a)) === 'conflict', 'tab A: conflict detected on autosave');
  check(contourCount((await stored(a)).read) === 2, "tab B's read is still stored (nothing overwritten silently)");
  console.log('   mine:', await a.textContent('[data-testid="conflict-mine"]'));
  console.log('   theirs:', await a.textContent('[data-testid="conflict-theirs"]'));
  await a.click('[data-testid="conflict-overwrite-mine"]');
  s = await savedWith(a, 2);
  const mineNow = await a.evaluate(() => window.__delineoViewer.getCanonicalRead());
  check(Number(s.version) > Number(afterB.version) && maxPointDifference(mineNow, s.read).worst === 0 && mineNow.lesions[0].contours.some((c) => c.sopInstanceUid !== afterB.read.lesions[0].contours[1].sopInstanceUid), `overwrite with mine: stored read = tab A read (version ${s.version})`);

  // tab B edits its now stale copy → conflict → reload theirs
  await bPage.bringToFront();
  await draw(bPage, 60, 25);
  await bPage.waitForSelector('[data-testid="conflict-dialog"]');
  await bPage.click('[data-testid="conflict-reload-theirs"]');
  await waitSaved(bPage);
  await settle(bPage);
  const bRead = await bPage.evaluate(() => window.__delineoViewer.getCanonicalRead());
  check(maxPointDifference(bRead, (await stored(a)).read).worst === 0, 'reload theirs: tab B now shows exactly the stored read');
  check(!(await bPage.isVisible('[data-testid="conflict-dialog"]')), 'dialog closed');

  // submit from tab B
  await bPage.click('[data-testid="submit-read"]');
  await bPage.waitForSelector('[data-testid="submit-dialog"]');
  await bPage.click('[data-testid="submit-confirm"]');
  await bPage.waitForSelector('[data-testid="save-status"][data-state="submitted"]');
  await waitForViewer(bPage, 1);
  check((await bPage.getAttribute('[data-testid="viewer"]', 'data-read-only')) === 'true', 'after submit the viewer is read-only');
  check(!(await bPage.isVisible('[data-testid="tool-freehand"]')) && !(await bPage.isVisible('[data-testid="new-lesion"]')), 'no editing tools after submit');
  check((await stored(a)).submitted === true, 'stored read is submitted');
  await bPage.waitForFunction(() => window.__delineoViewer.lesions().length === 1);
  const finalRead = await bPage.evaluate(() => window.__delineoViewer.getCanonicalRead());
  check(maxPointDifference(finalRead, (await stored(a)).read).worst === 0, 'read-only viewer shows the submitted read');

  // tab A edits after B submitted → conflict says it is final, no overwrite offered
  await a.bringToFront();
  await draw(a, 40, 20);
  await a.waitForSelector('[data-testid="conflict-dialog"]');
  check(!(await a.isVisible('[data-testid="conflict-overwrite-mine"]')), 'a submitted read cannot be overwritten from another tab');
  await a.click('[data-testid="conflict-reload-theirs"]');
  await a.waitForSelector('[data-testid="save-status"][data-state="submitted"]');
  check((await a.getAttribute('[data-testid="viewer"]', 'data-read-only')) === 'true', 'tab A becomes read-only too');
  await open(a);
  check((await saveState(a)) === 'submitted' && (await a.getAttribute('[data-testid="viewer"]', 'data-read-only')) === 'true', 'reopening a submitted case shows it read-only');
  await a.screenshot({ path: '/tmp/delineo-reader.png' });
  check(b.errors.length === 0, `no page errors (${b.errors.join('; ')})`);
} finally {
  await b.close();
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
