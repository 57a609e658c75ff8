import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { approvedStapleConsensus } from './support/grading';
import { loginAs } from './support/login';
import { demoCt, openStudyOnDemoCt, saveAndSubmit, slicesOf, square, type Slice } from './support/readerStudies';

const MODELS = [
  { id: 'pnen-radiomics-demo', version: '1.0.0', classes: ['G1', 'G2/G3'] },
  { id: 'pnen-roi-image-demo', version: '1.0.0', classes: ['G1', 'G2', 'G3'] },
];

function lesion(slices: Slice[], column: number, row: number, half: number) {
  return { lesions: [{ id: 'lesion-1', label: 'primary tumour', contours: slices.map((s) => square(s, column, row, half)) }] };
}

/** The audit events of one action on the case, as the audit screen lists them: [seq, user]. */
async function auditedAs(page: Page, action: string, caseId: number): Promise<[number, string][]> {
  await page.fill('label:has-text("Action") input', action);
  await page.fill('label:has-text("Resource type") input', 'case');
  await page.fill('label:has-text("Resource id") input', String(caseId));
  await page.click('button:has-text("Filter")');
  await page.waitForFunction(
    ([a, id]) => {
      const rows = [...document.querySelectorAll('[data-testid="audit-table"] tbody tr')];
      return rows.length > 0 && rows.every((tr) => tr.children[3].textContent === a && tr.children[4].textContent === `case ${id}`);
    },
    [action, caseId] as const,
  );
  return page.$$eval('[data-testid="audit-table"] tbody tr', (trs) =>
    trs.map((tr) => [Number(tr.children[0].textContent), tr.children[2].textContent ?? ''] as [number, string]),
  );
}

describe('the tumour board', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('sees the predictions the PI ran and released, reads a model card, decides, and every step is audited in order', async () => {
    // an open study on the demo CT: two readers' squares on five slices, STAPLE consensus approved
    const { studyId, caseId } = await openStudyOnDemoCt(`Board study ${Date.now()}`, ['reader1', 'reader2']);
    const { studyUid, seriesUid } = await demoCt();
    const slices = await slicesOf(studyUid, seriesUid);
    const middle = Math.floor(slices.length / 2);
    const five = slices.slice(middle - 2, middle + 3);
    await saveAndSubmit('reader1', caseId, lesion(five, 256, 300, 15));
    await saveAndSubmit('reader2', caseId, lesion(five, 259, 302, 14));
    await approvedStapleConsensus(caseId);
    const reads = await apiJson<{ status: string }[]>('pi', `/api/cases/${caseId}/reads`);
    expect(reads.map((r) => r.status)).toEqual(['SUBMITTED', 'SUBMITTED']);

    // the PI predicts with both demo models on the case page and releases the case
    session = await openBrowser();
    let page = session.page;
    await loginAs(page, 'pi', `/studies/${studyId}/cases/${caseId}`);
    await page.waitForSelector('[data-testid="predict-model"] option[value="pnen-roi-image-demo 1.0.0"]', { state: 'attached' });
    await page.waitForSelector('[data-testid="no-predictions"]');
    for (const m of MODELS) {
      await page.selectOption('[data-testid="predict-model"]', `${m.id} ${m.version}`);
      await page.click('[data-testid="predict"]');
      await page.waitForSelector(`[data-testid="case-prediction"][data-model-id="${m.id}"]`, { timeout: 90_000 });
    }
    expect(await page.locator('[data-testid="predict-error"]').count()).toBe(0);
    expect(await page.locator('[data-testid="case-prediction"] [data-testid="research-only-badge"]').count()).toBe(2);
    await page.fill('[data-testid="release-note"]', 'grading question for the board');
    await page.click('[data-testid="release-to-board"]');
    await page.waitForSelector('[data-testid="board-release"][data-released="true"]');
    const stored = await apiJson<{ modelId: string; predictedGrade: string; probabilities: Record<string, number> }[]>(
      'pi',
      `/api/cases/${caseId}/predictions`,
    );
    expect(stored.map((p) => p.modelId).sort()).toEqual(MODELS.map((m) => m.id));
    await session.close();

    // the board member opens the case from the board list
    session = await openBrowser();
    page = session.page;
    await loginAs(page, 'board');
    await page.waitForSelector(`[data-testid="board-list"] tr[data-case-id="${caseId}"]`);
    await page.click(`[data-testid="board-list"] tr[data-case-id="${caseId}"] a`);
    await page.waitForSelector('[data-testid="board-case"]');
    expect(new URL(page.url()).pathname).toBe(`/board/${caseId}`);
    expect(await page.locator('[data-testid="board-prediction"]').count()).toBe(2);
    for (const m of MODELS) {
      const p = page.locator(`[data-testid="board-prediction"][data-model-id="${m.id}"]`);
      expect(await p.locator('.bar-row .bar-label').allTextContents()).toEqual(m.classes);
      // bars as the stored probabilities, to a tenth of a percent
      const widths = await p.locator('.bar-row .bar-value').allTextContents();
      const probabilities = stored.find((s) => s.modelId === m.id)!.probabilities;
      expect(widths).toEqual(m.classes.map((c) => `${(Math.round(probabilities[c] * 1000) / 10).toFixed(1)} %`));
      expect(await p.locator('.warn-chip').textContent()).toBe('research use only');
      expect(await p.locator('a:has-text("model card")').getAttribute('href')).toBe(`/board/models/${m.id}/${m.version}`);
    }

    // the radiomics model's card: research-only banner, task, metrics with how they were obtained, hash
    await page.click(`[data-testid="board-prediction"][data-model-id="${MODELS[0].id}"] a:has-text("model card")`);
    await page.waitForSelector(`[data-testid="board-model-card"] [data-testid="model-card"][data-model-id="${MODELS[0].id}"]`);
    expect(new URL(page.url()).pathname).toBe(`/board/models/${MODELS[0].id}/${MODELS[0].version}`);
    expect(await page.locator('[data-testid="ruo-banner"]').count()).toBe(1);
    expect(await page.textContent('[data-testid="card-task"]')).toContain('G1 vs G2/G3');
    expect(await page.textContent('[data-testid="card-classes"]')).toContain('G1, G2/G3');
    expect(await page.textContent('[data-testid="card-training"]')).toContain('synthetic data');
    expect(await page.locator('[data-testid="card-metrics"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="card-metrics"] tbody tr:first-child')).toMatch(/AUC.*95 % CI.*cross-validation/);
    expect(await page.locator('[data-testid="card-limitations"] li').count()).toBeGreaterThan(0);
    const registered = await apiJson<{ id: string; sha256: string }[]>('board', '/api/models');
    expect(await page.textContent('[data-testid="card-sha256"]')).toBe(registered.find((r) => r.id === MODELS[0].id)!.sha256);

    // back to the case; the board records its decision
    await page.goBack();
    await page.waitForSelector('[data-testid="decision-form"]');
    await page.selectOption('[data-testid="decision-form"] select', 'G2');
    await page.fill('label:has-text("Treatment recommendation") input', 'resection, then surveillance');
    await page.fill('label:has-text("Attendees") input', 'Dr A, Dr B, Dr C');
    await page.click('[data-testid="decision-form"] button[type="submit"]');
    const decision = await page.waitForSelector('[data-testid="board-decision"]');
    expect(await decision.textContent()).toContain('G2');
    expect(await decision.textContent()).toContain('Dr A, Dr B, Dr C');
    await session.close();

    // the audit trail, read by the PI: predictions, release, board view, decision — in this order
    session = await openBrowser();
    page = session.page;
    await loginAs(page, 'pi', '/audit');
    await page.waitForSelector('[data-testid="audit-table"]');
    const created = await auditedAs(page, 'PREDICTION_CREATE', caseId);
    const released = await auditedAs(page, 'BOARD_RELEASE', caseId);
    const viewed = await auditedAs(page, 'BOARD_CASE_VIEW', caseId);
    const decided = await auditedAs(page, 'BOARD_DECISION', caseId);
    expect(created.map(([, user]) => user)).toEqual(['pi', 'pi']);
    expect(released.map(([, user]) => user)).toEqual(['pi']);
    expect(new Set(viewed.map(([, user]) => user))).toEqual(new Set(['board']));
    expect(decided.map(([, user]) => user)).toEqual(['board']);
    const first = (events: [number, string][]) => Math.min(...events.map(([seq]) => seq));
    const last = (events: [number, string][]) => Math.max(...events.map(([seq]) => seq));
    expect(last(created)).toBeLessThan(first(released));
    expect(last(released)).toBeLessThan(first(viewed));
    expect(first(viewed)).toBeLessThan(first(decided));
  });
});
