import { apiJson } from './api';
import { jsonBody } from './readerStudies';

/** Helpers of the radiomics, grading and board browser tests (all API calls as the given demo user). */

export const LIDC_STUDY_PREFIX = 'Demo: LIDC-IDRI';

/** The LIDC-IDRI demo study the portal creates on start (2 cases × 4 radiologists' submitted reads). */
export async function lidcDemoStudy(): Promise<{ id: number; name: string; caseCount: number }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const studies = await apiJson<{ id: number; name: string; caseCount: number }[]>('pi', '/api/reader-studies');
    const lidc = studies.filter((s) => s.name.startsWith(LIDC_STUDY_PREFIX));
    if (lidc.length > 1) throw new Error(`expected one LIDC demo study, found ${lidc.length}`);
    if (lidc.length === 1) return lidc[0];
    if (Date.now() > deadline) throw new Error('the portal did not create the LIDC-IDRI demo study within 2 minutes');
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** The PI makes a STAPLE consensus of the case's submitted reads and approves it; returns its version. */
export async function approvedStapleConsensus(caseId: number): Promise<number> {
  const c = await apiJson<{ version: number }>('pi', `/api/cases/${caseId}/consensus`, jsonBody('POST', { method: 'staple', threshold: 0.5 }));
  const approved = await apiJson<{ approved: boolean }>('pi', `/api/cases/${caseId}/consensus/${c.version}/approve`, { method: 'POST' });
  if (!approved.approved) throw new Error(`consensus v${c.version} of case ${caseId} is not approved`);
  return c.version;
}

/** CSV text as lines without the empty line after the final CRLF. */
export function csvLines(text: string): string[] {
  const lines = text.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
