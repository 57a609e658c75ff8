import { afterEach, describe, expect, it } from 'vitest';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';
import { openStudyOnDemoCt } from './support/readerStudies';
import { readerDrawsAndSubmits, waitForShownRead } from './support/readerFlow';
import { logTimings, waitForViewer } from './support/viewer';

const READERS = ['reader1', 'reader2', 'reader3'];
/** Outline radii (canvas px) around the same centre on the same slice: nested ellipses of different size. */
const RADII = [30, 40, 50];

interface CaseAgreement {
  lesions: { readers: { reader: string; volumeMl: number }[]; pairs: { a: string; b: string; dice: number }[]; meanDice: number }[];
}

/** Dice of two nested shapes of areas a ⊂ b: 2a / (a + b). */
const nestedDice = (a: number, b: number) => (2 * Math.min(a, b)) / (a + b);

describe('three readers contour one case and the PI reviews it', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('shows the Dice of the submitted reads on the dashboard, each reader in the case viewer, and a STAPLE consensus', { timeout: 1_500_000 }, async () => {
    const { studyId, caseId } = await openStudyOnDemoCt(`Three readers ${Date.now()}`, READERS);
    const volumes: Record<string, number> = {};
    for (const [n, reader] of READERS.entries()) volumes[reader] = await readerDrawsAndSubmits(reader, caseId, RADII[n]);
    expect(volumes.reader1).toBeLessThan(volumes.reader2);
    expect(volumes.reader2).toBeLessThan(volumes.reader3);

    // the server's agreement: the volumes the readers saw, and Dice as for nested shapes
    const agreement = await apiJson<CaseAgreement>('pi', `/api/cases/${caseId}/agreement`);
    expect(agreement.lesions).toHaveLength(1);
    const lesion = agreement.lesions[0];
    for (const r of lesion.readers) expect(Math.abs(r.volumeMl - volumes[r.reader])).toBeLessThan(1e-6 * volumes[r.reader]);
    const pairDice = (a: string, b: string) => lesion.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))!.dice;
    for (const [a, b] of [['reader1', 'reader2'], ['reader1', 'reader3'], ['reader2', 'reader3']]) {
      expect(pairDice(a, b)).toBeCloseTo(nestedDice(volumes[a], volumes[b]), 2);
    }

    // the PI's dashboard: heatmap cells and the case row with its Dice
    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'pi', `/studies/${studyId}/dashboard`);
    await page.waitForSelector('[data-testid="dice-heatmap"]');
    const cells = await page.$$eval('[data-testid="heatmap-cell"]', (els) =>
      els.map((e) => ({ a: e.getAttribute('data-a')!, b: e.getAttribute('data-b')!, value: Number(e.getAttribute('data-value')) })),
    );
    expect(cells).toHaveLength(6);
    for (const c of cells) expect(c.value).toBeCloseTo(pairDice(c.a, c.b), 6);
    const row = page.locator(`[data-testid="case-agreement-row"][data-case-id="${caseId}"]`);
    expect(Number(await row.locator('td').nth(4).textContent())).toBeCloseTo(lesion.meanDice, 2);

    // the case viewer: one reader at a time, then all three overlaid
    await row.locator('a').click();
    await page.waitForSelector('[data-testid="case-review"]');
    logTimings('PI case viewer', await waitForViewer(page));
    expect(await waitForShownRead(page, 'pi-viewer', 1)).toEqual([volumes.reader1]);
    await page.selectOption('[data-testid="viewer-source"]', 'reader:reader2');
    await page.waitForSelector('[data-testid="case-viewer"][data-selection="reader:reader2"]');
    expect(await waitForShownRead(page, 'pi-viewer', 1)).toEqual([volumes.reader2]);
    const reads = await apiJson<{ reader: string; version: number }[]>('pi', `/api/cases/${caseId}/reads`);
    const reader2Version = reads.find((r) => r.reader === 'reader2')!.version;
    expect(await page.textContent('[data-testid="viewer-shown"]')).toBe(`Showing reader2's read, version ${reader2Version} (submitted), 1 lesion`);
    expect(await page.textContent('[data-testid="pi-viewer"] [data-testid="lesion-label"]')).toBe('primary tumour');
    await page.selectOption('[data-testid="viewer-source"]', 'all-readers');
    expect((await waitForShownRead(page, 'pi-viewer', 3)).sort((x, y) => x - y)).toEqual(READERS.map((r) => volumes[r]));
    expect(await page.$$eval('[data-testid="pi-viewer"] [data-testid="lesion-label"]', (els) => els.map((e) => e.textContent))).toEqual(
      READERS.map((r) => `primary tumour — ${r}`),
    );

    // a STAPLE consensus, then shown in the viewer
    await page.selectOption('[data-testid="consensus-method"]', 'staple');
    await page.click('button:has-text("Create consensus")');
    await page.waitForSelector('[data-testid="consensus-version"][data-version="1"] [data-testid="staple-stats"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="viewer-source"] option[value="consensus:1"]', { state: 'attached' });
    await page.selectOption('[data-testid="viewer-source"]', 'consensus:1');
    const [consensusVolume] = await waitForShownRead(page, 'pi-viewer', 1);
    expect(await page.textContent('[data-testid="viewer-shown"]')).toMatch(/^Showing Consensus version 1 \(staple, not approved\), 1 lesion$/);
    // the consensus of nested outlines lies between the smallest and the largest
    expect(consensusVolume).toBeGreaterThanOrEqual(volumes.reader1);
    expect(consensusVolume).toBeLessThanOrEqual(volumes.reader3);
  });
});
