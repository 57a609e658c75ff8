import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { csvLines, lidcDemoStudy } from './support/grading';
import { loginAs } from './support/login';

interface Robustness {
  settingsHash: string;
  groups: { lesionLabel: string; readers: string[]; cases: number; features: { feature: string; icc21: number | null }[] }[];
  selection: { iccType: string; minIcc: number; features: string[] } | null;
}

describe('the PI computes radiomics features on the LIDC demo study', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('runs a job, follows it to DONE, sees ICCs as table and plot, marks robust features and downloads the CSV', async () => {
    const study = await lidcDemoStudy();
    expect(study.caseCount).toBe(2);

    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'pi', `/studies/${study.id}`);
    await page.click('[data-testid="features-link"]');
    await page.waitForSelector('[data-testid="features-page"]');
    expect(new URL(page.url()).pathname).toBe(`/studies/${study.id}/features`);

    // the quick preset, as JSON in the advanced editor
    await page.check('[data-testid="preset-native-fbs25"]');
    await page.click('[data-testid="advanced-settings"] summary');
    const settings = JSON.parse(await page.inputValue('[data-testid="settings-json"]'));
    expect(settings).toEqual({ dimensions: '3D', resegmentation: { range: [-1000, 400] }, discretisation: { method: 'FBS', value: 25 } });

    // a broken edit is refused by the server with its reason, and nothing runs
    await page.fill('[data-testid="settings-json"]', '{"dimensions": "4D"}');
    await page.click('[data-testid="run-job"]');
    expect(await (await page.waitForSelector('[data-testid="settings-error"]')).textContent()).toMatch(/dimensions/);
    await page.check('[data-testid="preset-ibsi-ct-3d-fbs25"]');
    await page.check('[data-testid="preset-native-fbs25"]');

    await page.click('[data-testid="run-job"]');
    await page.waitForSelector('[data-testid="job-status"]');
    await page.waitForSelector('[data-testid="job-status"][data-status="DONE"]', { timeout: 170_000 });
    // 2 cases × 4 readers' submitted reads; no consensus is approved in the demo study
    expect(await page.getAttribute('[data-testid="job-progress"] [role="progressbar"]', 'aria-valuemax')).toBe('8');
    expect(await page.getAttribute('[data-testid="job-progress"] [role="progressbar"]', 'aria-valuenow')).toBe('8');
    expect(await page.locator('[data-testid="job-errors"]').count()).toBe(0);
    const jobId = Number(await page.getAttribute('[data-testid="job-status"]', 'data-job-id'));
    const job = await apiJson<{ status: string; settingsHash: string; failed: number }>('pi', `/api/reader-studies/${study.id}/feature-jobs/${jobId}`);
    expect([job.status, job.failed]).toEqual(['DONE', 0]);

    // robustness: one group (non-contrast CT, nodule) of 4 readers × 2 cases, as the API reports it
    await page.waitForSelector('[data-testid="robustness-group"] [data-testid="icc-plot"]');
    const api = await apiJson<Robustness>('pi', `/api/reader-studies/${study.id}/feature-robustness?settingsHash=${job.settingsHash}`);
    expect(api.groups).toHaveLength(1);
    expect(await page.locator('[data-testid="robustness-group"]').count()).toBe(1);
    expect(await page.getAttribute('[data-testid="robustness-group"]', 'data-label')).toBe('nodule');
    const rows = await page.$$eval('[data-testid="icc-row"]', (trs) =>
      trs.map((tr) => ({ feature: tr.getAttribute('data-feature'), icc21: tr.querySelectorAll('td')[2].textContent ?? '' })),
    );
    expect(rows).toHaveLength(api.groups[0].features.length);
    expect(rows.length).toBeGreaterThan(100);
    // sorted by ICC(2,1), highest first, each printed with its 95 % CI
    const values = rows.map((r) => Number(r.icc21.split(' ')[0])).filter((v) => Number.isFinite(v));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(rows.some((r) => /^-?\d\.\d{3} \[-?\d+\.\d{3}, -?\d\.\d{3}\]$/.test(r.icc21))).toBe(true);
    const volume = api.groups[0].features.find((f) => f.feature === 'YEKZ')!;
    expect(rows.find((r) => r.feature === 'YEKZ')!.icc21.startsWith(volume.icc21!.toFixed(3))).toBe(true);

    // the plot: one mark per feature with an ICC, the two shaded bands and both reference lines
    const defined = api.groups[0].features.filter((f) => f.icc21 !== null).length;
    expect(await page.locator('[data-testid="icc-mark"]').count()).toBe(defined);
    expect(await page.locator('[data-testid="icc-band-good"]').count()).toBe(1);
    expect(await page.locator('[data-testid="icc-band-excellent"]').count()).toBe(1);
    expect(await page.$$eval('[data-testid="icc-reference"]', (gs) => gs.map((g) => g.getAttribute('data-value')))).toEqual(['0.75', '0.9']);

    // mark robust: ICC(2,1) ≥ 0.75 in every group; the page shows what the server stored
    await page.selectOption('[data-testid="icc-type"]', 'ICC21');
    await page.fill('[data-testid="min-icc"]', '0.75');
    const expected = api.groups[0].features.filter((f) => f.icc21 !== null && f.icc21 >= 0.75).map((f) => f.feature).sort();
    expect(await page.textContent('[data-testid="robust-preview"]')).toMatch(new RegExp(`^${expected.length} features? reach`));
    await page.click('[data-testid="mark-robust"]');
    await page.waitForSelector(`[data-testid="robust-selection"][data-count="${expected.length}"]`);
    const stored = await apiJson<Robustness>('pi', `/api/reader-studies/${study.id}/feature-robustness?settingsHash=${job.settingsHash}`);
    expect(stored.selection).toEqual({ iccType: 'ICC21', minIcc: 0.75, features: expected });
    expect(await page.locator('tr.robust[data-testid="icc-row"]').count()).toBe(expected.length);

    // the CSV as the server writes it: one row per reader ROI
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="features-csv"]')]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^delineo-study-${study.id}-demo-lidc-idri.*-features-${job.settingsHash.slice(0, 12)}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const lines = csvLines(readFileSync((await download.path())!, 'utf8'));
    const header = lines[0].split(',');
    expect(header.slice(0, 10)).toEqual([
      'case_id', 'case', 'phase', 'series_uid', 'roi_source', 'roi_version', 'lesion_label', 'voxel_count', 'settings_hash', 'software_version',
    ]);
    expect(header).toContain('YEKZ');
    expect(lines).toHaveLength(1 + 8);
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(new Set(cells.map((c) => c[4]))).toEqual(new Set(['reader:lidc-reader-1', 'reader:lidc-reader-2', 'reader:lidc-reader-3', 'reader:lidc-reader-4']));
    expect(new Set(cells.map((c) => c[8]))).toEqual(new Set([job.settingsHash]));
    expect(cells.every((c) => c.length === header.length)).toBe(true);
  });
});
