import { env } from './env';

/**
 * Access tokens for API calls from tests, via the password grant of the test-only client `delineo-test`
 * that `./delineo test` adds to the test stack's Keycloak (the shipped realm has no password grant).
 */
export async function tokenFor(user: string): Promise<string> {
  const response = await fetch(`${env.keycloakUrl}/realms/delineo/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'delineo-test', username: user, password: user }),
  });
  if (!response.ok) throw new Error(`token for ${user}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function apiGet(user: string, path: string): Promise<Response> {
  return fetch(env.baseUrl + path, { headers: { Authorization: `Bearer ${await tokenFor(user)}` } });
}

export async function apiJson<T>(user: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(env.baseUrl + path, {
    ...init,
    headers: { Authorization: `Bearer ${await tokenFor(user)}`, Accept: 'application/json', ...init.headers },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} as ${user}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
