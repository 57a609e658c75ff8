import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';
import { openStudyOnDemoCt, demoCt, slicesOf } from './support/readerStudies';
import { canonicalRead, drawLesion, openFromWorklist, waitForViewer, waitSaved } from './support/viewer';
import { env } from './support/env';

const CSP_MESSAGE = /Content Security Policy|Content-Security-Policy|Refused to (load|execute|connect|create|frame|apply|compile)/i;

describe('the portal under its strict Content-Security-Policy', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('lets a reader open the viewer and draw without a single CSP violation', { timeout: 900_000 }, async () => {
    const { caseId } = await openStudyOnDemoCt(`CSP ${Date.now()}`, ['reader1']);
    const { studyUid, seriesUid } = await demoCt();
    const slices = await slicesOf(studyUid, seriesUid);

    session = await openBrowser();
    const { page } = session;
    const violations: string[] = [];
    // page console (includes violations the browser reports for the page and its workers)
    page.on('console', (m) => {
      if (CSP_MESSAGE.test(m.text())) violations.push(`console: ${m.text()}`);
    });
    const watchWorker = (w: Worker) =>
      w.on('console', (m) => {
        if (CSP_MESSAGE.test(m.text())) violations.push(`worker ${w.url()}: ${m.text()}`);
      });
    page.on('worker', watchWorker);
    // securitypolicyviolation events of the portal's own documents
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });

    const response = await page.request.get(env.baseUrl + '/worklist');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");

    await loginAs(page, 'reader1', '/worklist');
    await openFromWorklist(page, caseId);
    await waitForViewer(page);
    await drawLesion(page, Math.floor(slices.length / 2), 40);
    expect((await canonicalRead(page)).lesions).toHaveLength(1);
    await waitSaved(page);
    // the decode workers ran under the policy too (images were drawn); their violations would be listed above
    expect(violations).toEqual([]);
  });
});
