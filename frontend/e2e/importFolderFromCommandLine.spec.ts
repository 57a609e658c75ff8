import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiJson } from './support/api';
import { freshCtFolder } from './support/dicomFiles';
import { env } from './support/env';

describe('./delineo import', () => {
  it('stores a folder through STOW-RS, reports each file, and exits non-zero when one is refused', () => {
    const patientId = `CLI-${Date.now()}`;
    const { dir, studyUid } = freshCtFolder(5, patientId);
    const run = () =>
      spawnSync(join(__dirname, '..', '..', 'delineo'), ['import', dir, '--port', new URL(env.baseUrl).port,
        '--keycloak-port', new URL(env.keycloakUrl).port], { encoding: 'utf8', timeout: 300_000 });

    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('5 file(s): 5 stored, 0 already stored, 0 refused');

    writeFileSync(join(dir, 'broken.dcm'), 'not a DICOM object');
    const second = run();
    expect(second.status).toBe(1);
    expect(second.stdout).toContain('6 file(s): 0 stored, 5 already stored, 1 refused');
    expect(second.stdout).toMatch(/refused: not a readable DICOM object.*broken\.dcm/);
    return apiJson<unknown[]>('pi', `/dicom-web/studies?StudyInstanceUID=${studyUid}`).then((studies) =>
      expect(studies).toHaveLength(1),
    );
  });
});
