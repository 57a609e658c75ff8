import { afterEach, describe, expect, it } from 'vitest';
import { apiGet } from './support/api';
import { openBrowser, type Session } from './support/browser';
import { loginAs } from './support/login';

describe('reader1 opening the audit screen by URL', () => {
  let session: Session | undefined;
  afterEach(async () => session?.close());

  it('is refused in the browser and by the API', async () => {
    session = await openBrowser();
    const { page } = session;
    await loginAs(page, 'reader1', '/audit');
    const refusal = await page.waitForSelector('[data-testid="refused"]');
    expect(await refusal.textContent()).toContain('Audit requires the role pi or admin');
    expect(await page.$('[data-testid="audit-table"]')).toBeNull();

    const response = await apiGet('reader1', '/api/audit');
    expect(response.status).toBe(403);
  });
});
