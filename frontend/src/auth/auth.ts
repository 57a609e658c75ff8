import Keycloak from 'keycloak-js';

export interface ClientConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

let keycloak: Keycloak | undefined;

/**
 * Signs in through Keycloak (authorization code + PKCE S256) and keeps the access token fresh in the background.
 * Resolves once a token is available; redirects to the Keycloak login page when there is no session.
 */
export async function signIn(): Promise<Keycloak> {
  const response = await fetch('/api/config');
  if (!response.ok) throw new Error(`The portal did not answer /api/config (HTTP ${response.status}).`);
  const config = (await response.json()) as ClientConfig;
  const kc = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  kc.onTokenExpired = () => {
    void refresh(kc);
  };
  await kc.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    responseMode: 'fragment',
  });
  // silent refresh: renew when less than 60 s remain, checked every 20 s
  window.setInterval(() => void refresh(kc), 20_000);
  keycloak = kc;
  return kc;
}

async function refresh(kc: Keycloak): Promise<void> {
  try {
    await kc.updateToken(60);
  } catch {
    // the SSO session ended (idle timeout or logout elsewhere): start a new login
    await kc.login();
  }
}

/** A valid access token, refreshed first if it is about to expire. */
export async function accessToken(): Promise<string> {
  if (!keycloak) throw new Error('Not signed in');
  await refresh(keycloak);
  if (!keycloak.token) throw new Error('No access token');
  return keycloak.token;
}

export function signOut(): Promise<void> {
  if (!keycloak) return Promise.resolve();
  return keycloak.logout({ redirectUri: window.location.origin + '/' });
}
