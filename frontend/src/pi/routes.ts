/** The PI's screens below /studies, resolved from the browser path by StudiesScreen. */
export type PiRoute =
  | { screen: 'list' }
  | { screen: 'new' }
  | { screen: 'study'; studyId: number }
  | { screen: 'edit'; studyId: number }
  | { screen: 'dashboard'; studyId: number }
  | { screen: 'features'; studyId: number }
  | { screen: 'models'; studyId: number }
  | { screen: 'case'; studyId: number; caseId: number }
  | { screen: 'consensus-edit'; studyId: number; caseId: number; version: number }
  | { screen: 'not-found' };

const ID = /^[1-9]\d{0,15}$/;

export function piRoute(path: string): PiRoute {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts[0] !== 'studies') return { screen: 'not-found' };
  const [, a, b, c, ...rest] = parts;
  if (a === undefined) return { screen: 'list' };
  if (a === 'new' && b === undefined) return { screen: 'new' };
  if (!ID.test(a)) return { screen: 'not-found' };
  const studyId = Number(a);
  if (b === undefined) return { screen: 'study', studyId };
  if (b === 'edit' && c === undefined) return { screen: 'edit', studyId };
  if (b === 'dashboard' && c === undefined) return { screen: 'dashboard', studyId };
  if (b === 'features' && c === undefined) return { screen: 'features', studyId };
  if (b === 'models' && c === undefined) return { screen: 'models', studyId };
  if (b === 'cases' && c !== undefined && ID.test(c) && rest.length === 0) {
    return { screen: 'case', studyId, caseId: Number(c) };
  }
  // /studies/{id}/cases/{caseId}/consensus/{version}/edit
  if (b === 'cases' && c !== undefined && ID.test(c) && rest.length === 3 && rest[0] === 'consensus' && ID.test(rest[1]) && rest[2] === 'edit') {
    return { screen: 'consensus-edit', studyId, caseId: Number(c), version: Number(rest[1]) };
  }
  return { screen: 'not-found' };
}

/** Paths of the PI's screens, so links and navigation never spell them by hand. */
export const piPaths = {
  list: () => '/studies',
  create: () => '/studies/new',
  study: (studyId: number) => `/studies/${studyId}`,
  edit: (studyId: number) => `/studies/${studyId}/edit`,
  dashboard: (studyId: number) => `/studies/${studyId}/dashboard`,
  features: (studyId: number) => `/studies/${studyId}/features`,
  models: (studyId: number) => `/studies/${studyId}/models`,
  case: (studyId: number, caseId: number) => `/studies/${studyId}/cases/${caseId}`,
  editConsensus: (studyId: number, caseId: number, version: number) => `/studies/${studyId}/cases/${caseId}/consensus/${version}/edit`,
};
