import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { env } from './support/env';
import { loginAs, navLabels } from './support/login';

/** A copy of the shipped radiomics demo model whose card names a new version (same ONNX bytes, same hash). */
function modelCopy(version: string): { dir: string; onnx: string; card: string; sha256: string } {
  const source = resolve(env.demoData, '..', '..', 'onnx-models', 'pnen-radiomics-demo');
  const dir = mkdtempSync(join(tmpdir(), 'delineo-model-'));
  const onnx = join(dir, 'model.onnx');
  copyFileSync(join(source, 'model.onnx'), onnx);
  const card = JSON.parse(readFileSync(join(source, 'model-card.json'), 'utf8'));
  card.version = version;
  writeFileSync(join(dir, 'model-card.json'), JSON.stringify(card, null, 2));
  return { dir, onnx, card: join(dir, 'model-card.json'), sha256: createHash('sha256').update(readFileSync(onnx)).digest('hex') };
}

describe('the administrator', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('uploads a model version, sees it registered, and is refused the same version again', async () => {
    const version = `1.0.1-e2e.${Date.now()}`;
    const model = modelCopy(version);

    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'admin');
    expect(await navLabels(page)).toEqual(['Archive', 'Audit', 'Admin']);
    await page.click('header nav a:has-text("Admin")');
    await page.waitForSelector('[data-testid="admin-models-table"]');
    expect(new URL(page.url()).pathname).toBe('/admin');
    const shipped = await page.$$eval('[data-testid="admin-model-row"][data-source="SHIPPED"]', (rows) =>
      rows.map((r) => `${r.getAttribute('data-model-id')} ${r.getAttribute('data-version')}`),
    );
    expect(shipped).toEqual(expect.arrayContaining(['pnen-radiomics-demo 1.0.0', 'pnen-roi-image-demo 1.0.0']));

    await page.setInputFiles('[data-testid="upload-model-file"]', model.onnx);
    await page.setInputFiles('[data-testid="upload-card-file"]', model.card);
    await page.waitForFunction(() => (document.querySelector('[data-testid="upload-card-text"]') as HTMLTextAreaElement).value.includes('"version"'));
    expect(JSON.parse(await page.inputValue('[data-testid="upload-card-text"]')).version).toBe(version);
    await page.click('[data-testid="upload-submit"]');
    expect(await (await page.waitForSelector('[data-testid="upload-done"]')).textContent()).toContain(`pnen-radiomics-demo ${version}`);

    const row = `[data-testid="admin-model-row"][data-model-id="pnen-radiomics-demo"][data-version="${version}"]`;
    await page.waitForSelector(`${row}[data-source="UPLOADED"]`);
    expect(await page.textContent(`${row} td.mono`)).toBe(`${model.sha256.slice(0, 12)}…`);
    const registered = await apiJson<{ id: string; version: string; source: string; sha256: string }[]>('admin', '/api/models');
    expect(registered.find((m) => m.version === version)).toMatchObject({ id: 'pnen-radiomics-demo', source: 'UPLOADED', sha256: model.sha256 });

    // the same id and version again: refused, with the immutability reason
    await page.click('[data-testid="upload-submit"]');
    await page.waitForSelector('[data-testid="upload-refused"]');
    const reasons = await page.locator('[data-testid="refusal-reason"]').allTextContents();
    expect(reasons.join(' | ')).toMatch(/already registered/);
    expect(reasons.join(' | ')).toMatch(/immutable/);
    expect(await page.locator('[data-testid="upload-done"]').count()).toBe(0);
    expect((await apiJson<{ version: string }[]>('admin', '/api/models')).filter((m) => m.version === version)).toHaveLength(1);
  });
});
