import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { env } from './support/env';

/** Runs the packaged portal with one dependency pointed at a closed port; it must say which and exit non-zero. */
function startPortal(overrides: Record<string, string>) {
  return spawnSync('java', ['-jar', env.portalJar], {
    env: {
      ...process.env,
      DELINEO_PORT: '18099',
      DELINEO_DB_URL: `jdbc:postgresql://localhost:${env.dbPort}/delineo`,
      DELINEO_OIDC_URL: `${env.keycloakUrl}/realms/delineo`,
      DELINEO_DATA_DIR: `${env.runDir}/refusal-data`,
      ...overrides,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('the portal at start-up', () => {
  it('names PostgreSQL when the database is unreachable, and exits non-zero', () => {
    const run = startPortal({ DELINEO_DB_URL: 'jdbc:postgresql://localhost:1/delineo' });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('PostgreSQL is not reachable at jdbc:postgresql://localhost:1/delineo');
  });

  it('names Keycloak when the identity provider is unreachable, and exits non-zero', () => {
    const run = startPortal({ DELINEO_OIDC_URL: 'http://localhost:1/realms/delineo' });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('Keycloak is not reachable at http://localhost:1/realms/delineo');
  });
});
