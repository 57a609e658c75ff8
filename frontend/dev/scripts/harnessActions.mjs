// Dev only: mouse and API helpers for driving the harness viewer.

export async function elementBox(page, pane = 0) {
  return page.locator(`[data-testid="viewport-element-${pane}"]`).boundingBox();
}

export async function goToSlice(page, pane, k) {
  await page.evaluate(([p, s]) => window.__delineoViewer.setSlice(p, s), [pane, k]);
  await page.waitForFunction(([p, s]) => window.__delineoViewer.getSliceIndex(p) === s, [pane, k]);
}

/** Draws a closed freehand loop (circle of radius r canvas px around cx, cy) with real mouse events. */
export async function drawLoop(page, pane, cx, cy, r, points = 32) {
  const box = await elementBox(page, pane);
  const pts = Array.from({ length: points }, (_, n) => [cx + r * Math.cos((2 * Math.PI * n) / points), cy + 0.8 * r * Math.sin((2 * Math.PI * n) / points)]);
  await page.mouse.move(box.x + pts[0][0], box.y + pts[0][1]);
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(box.x + p[0], box.y + p[1]);
  await page.mouse.move(box.x + pts[0][0], box.y + pts[0][1]);
  await page.mouse.up();
}

/** Paints a short brush stroke. */
export async function brushStroke(page, pane, from, to) {
  const box = await elementBox(page, pane);
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + to[0], box.y + to[1], { steps: 12 });
  await page.mouse.up();
}

/**
 * Lets the events of the last action arrive (`ms`), then waits until the viewer has turned the last edit into the
 * canonical read. Robust on a loaded machine, unlike a fixed sleep.
 */
export async function settle(page, ms = 300) {
  await page.waitForTimeout(ms);
  await page.evaluate(() => window.__delineoViewer?.settled());
}

export function maxPointDifference(a, b) {
  if (a.lesions.length !== b.lesions.length) throw new Error(`lesion count ${a.lesions.length} ≠ ${b.lesions.length}`);
  let worst = 0;
  let points = 0;
  a.lesions.forEach((la, n) => {
    const lb = b.lesions[n];
    if (la.id !== lb.id || la.label !== lb.label || la.seriesInstanceUid !== lb.seriesInstanceUid) throw new Error(`lesion ${n} differs: ${la.id}/${lb.id}`);
    if (la.contours.length !== lb.contours.length) throw new Error(`lesion ${la.label}: ${la.contours.length} ≠ ${lb.contours.length} contours`);
    la.contours.forEach((ca, m) => {
      const cb = lb.contours[m];
      if (ca.sopInstanceUid !== cb.sopInstanceUid) throw new Error(`contour ${m} on another slice`);
      if (ca.points.length !== cb.points.length) throw new Error(`contour ${m}: ${ca.points.length} ≠ ${cb.points.length} points`);
      ca.points.forEach((p, i) => {
        for (let ax = 0; ax < 3; ax++) worst = Math.max(worst, Math.abs(p[ax] - cb.points[i][ax]));
        points++;
      });
    });
  });
  return { worst, points };
}
