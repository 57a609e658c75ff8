/**
 * Bearer tokens for DICOMweb requests. Every request the viewer makes — metadata fetches and the image loader's
 * frame requests — asks here for the token of the DICOMweb root it targets. Roots are registered by the series
 * loader; a URL under no registered root gets no Authorization header (it is not ours to authenticate).
 */

export type TokenProvider = () => Promise<string>;

const providers = new Map<string, TokenProvider>();

/** Absolute form of a DICOMweb root, without trailing slash. */
export function absoluteRoot(root: string): string {
  const base = typeof window !== 'undefined' ? window.location.href : 'http://localhost/';
  return new URL(root, base).toString().replace(/\/+$/, '');
}

export function registerDicomWebRoot(root: string, token: TokenProvider): string {
  const abs = absoluteRoot(root);
  providers.set(abs, token);
  return abs;
}

/** The token provider responsible for a URL (longest matching registered root), if any. */
export function tokenProviderFor(url: string): TokenProvider | undefined {
  let best: string | undefined;
  for (const root of providers.keys()) {
    if ((url === root || url.startsWith(root + '/')) && (!best || root.length > best.length)) best = root;
  }
  return best ? providers.get(best) : undefined;
}

export async function authorizationHeaders(url: string): Promise<Record<string, string>> {
  const provider = tokenProviderFor(url);
  if (!provider) return {};
  const token = await provider();
  if (!token) throw new Error(`no access token available for ${url}`);
  return { Authorization: `Bearer ${token}` };
}
