import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import dcmjs from 'dcmjs';
import { apiJson } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';
import { openStudyOnDemoCt } from './support/readerStudies';
import { readerDrawsAndSubmits, waitForShownRead } from './support/readerFlow';
import { logTimings, waitForViewer } from './support/viewer';

const SEGMENTATION_STORAGE = '1.2.840.10008.5.1.4.1.1.66.4';

interface ReadView {
  reader: string;
  status: string;
  version: number;
  content: { lesions: { label: string; contours: { sopInstanceUid: string }[] }[] };
}

interface CaseAgreement {
  lesions: { readers: { reader: string; volumeMl: number }[]; pairs: { a: string; b: string; dice: number }[] }[];
}

const sops = (r: ReadView) => [...new Set(r.content.lesions.flatMap((l) => l.contours.map((c) => c.sopInstanceUid)))].sort();

describe("a reader's SEG export comes back as another reader's read", () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('exports SEG from the reader screen; the PI imports it as reader3 and gets the same voxels', { timeout: 900_000 }, async () => {
    const { studyId, caseId } = await openStudyOnDemoCt(`Export import ${Date.now()}`, ['reader1', 'reader3']);

    // reader1 draws a lesion, exports the saved read as DICOM SEG, then submits
    let segPath = '';
    let segName = '';
    const volume = await readerDrawsAndSubmits('reader1', caseId, 40, {
      then: async (page) => {
        await page.click('[data-testid="export-menu"] summary');
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('[data-testid="export-seg"]')]);
        segName = download.suggestedFilename();
        // kept outside the browser profile, which is deleted with the reader's session
        segPath = join(mkdtempSync(join(tmpdir(), 'delineo-export-')), segName);
        await download.saveAs(segPath);
        await page.waitForSelector('[data-testid="export-done"]');
        expect(await page.locator('[data-testid="export-error"]').count()).toBe(0);
      },
    });
    expect(segName).toMatch(/-seg\.dcm$/);
    const bytes = readFileSync(segPath);
    const seg = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(seg.dict['00080016'].Value[0]).toBe(SEGMENTATION_STORAGE);

    // the PI imports: a file that is no DICOM object is refused with the server's reason, the SEG is accepted
    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'pi', `/studies/${studyId}/cases/${caseId}`);
    await page.waitForSelector('[data-testid="case-review"]');
    logTimings('PI case viewer', await waitForViewer(page));
    await page.setInputFiles('[data-testid="import-file"]', { name: 'notes.dcm', mimeType: 'application/dicom', buffer: Buffer.from('not a DICOM file') });
    await page.selectOption('[data-testid="import-reader"]', 'reader3');
    await page.click('[data-testid="import-submit"]');
    expect(await page.textContent('[data-testid="import-error"]')).toMatch(/not a readable DICOM object/);

    await page.setInputFiles('[data-testid="import-file"]', segPath);
    await page.click('[data-testid="import-submit"]');
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 120_000 });
    expect(await page.textContent('[data-testid="import-done"]')).toMatch(/is now reader3's read, version 1 \(1 lesion\(s\), submitted\)/);
    // the viewer switches to the imported read: same volume as reader1's
    await page.waitForSelector('[data-testid="case-viewer"][data-selection="reader:reader3"]');
    const [importedVolume] = await waitForShownRead(page, 'pi-viewer', 1);
    expect(Math.abs(importedVolume - volume)).toBeLessThan(1e-9 * volume);

    // the API: reader3's read covers the same images, and the two reads agree voxel for voxel
    const reads = await apiJson<ReadView[]>('pi', `/api/cases/${caseId}/reads`);
    const r1 = reads.find((r) => r.reader === 'reader1')!;
    const r3 = reads.find((r) => r.reader === 'reader3')!;
    expect([r3.status, r3.version]).toEqual(['SUBMITTED', 1]);
    expect(r3.content.lesions.map((l) => l.label)).toEqual(['primary tumour']);
    expect(sops(r3)).toEqual(sops(r1));
    const agreement = await apiJson<CaseAgreement>('pi', `/api/cases/${caseId}/agreement`);
    expect(agreement.lesions).toHaveLength(1);
    const pair = agreement.lesions[0].pairs.find((p) => [p.a, p.b].sort().join() === 'reader1,reader3')!;
    expect(pair.dice).toBe(1);
    const v = Object.fromEntries(agreement.lesions[0].readers.map((r) => [r.reader, r.volumeMl]));
    expect(v.reader3).toBe(v.reader1);
  });
});
