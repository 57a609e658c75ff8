import { describe, expect, it } from 'vitest';
import { piPaths, piRoute } from './routes';

describe('PI routes below /studies', () => {
  it('resolves every screen, with or without a trailing slash', () => {
    expect(piRoute('/studies')).toEqual({ screen: 'list' });
    expect(piRoute('/studies/')).toEqual({ screen: 'list' });
    expect(piRoute('/studies/new')).toEqual({ screen: 'new' });
    expect(piRoute('/studies/12')).toEqual({ screen: 'study', studyId: 12 });
    expect(piRoute('/studies/12/edit')).toEqual({ screen: 'edit', studyId: 12 });
    expect(piRoute('/studies/12/dashboard/')).toEqual({ screen: 'dashboard', studyId: 12 });
    expect(piRoute('/studies/12/cases/7')).toEqual({ screen: 'case', studyId: 12, caseId: 7 });
    expect(piRoute('/studies/12/features')).toEqual({ screen: 'features', studyId: 12 });
    expect(piRoute('/studies/12/models/')).toEqual({ screen: 'models', studyId: 12 });
    expect(piRoute('/studies/12/cases/7/consensus/2/edit')).toEqual({ screen: 'consensus-edit', studyId: 12, caseId: 7, version: 2 });
  });

  it('refuses malformed ids and unknown sub-paths instead of guessing', () => {
    for (const path of ['/studies/0', '/studies/abc', '/studies/12/cases', '/studies/12/cases/x', '/studies/12/cases/7/more',
      '/studies/new/edit', '/studies/12/other', '/audit', '/studies/12/features/3', '/studies/12/models/x', '/studies/new/models', '/studies/1e3', '/studies/-4',
      '/studies/12/cases/7/consensus/0/edit', '/studies/12/cases/7/consensus/2', '/studies/12/cases/7/consensus/x/edit']) {
      expect(piRoute(path), path).toEqual({ screen: 'not-found' });
    }
  });

  it('builds the paths it resolves', () => {
    expect(piRoute(piPaths.case(3, 44))).toEqual({ screen: 'case', studyId: 3, caseId: 44 });
    expect(piRoute(piPaths.dashboard(3))).toEqual({ screen: 'dashboard', studyId: 3 });
    expect(piRoute(piPaths.edit(3))).toEqual({ screen: 'edit', studyId: 3 });
    expect(piRoute(piPaths.features(3))).toEqual({ screen: 'features', studyId: 3 });
    expect(piRoute(piPaths.models(3))).toEqual({ screen: 'models', studyId: 3 });
    expect(piRoute(piPaths.create())).toEqual({ screen: 'new' });
    expect(piRoute(piPaths.list())).toEqual({ screen: 'list' });
    expect(piRoute(piPaths.editConsensus(3, 44, 5))).toEqual({ screen: 'consensus-edit', studyId: 3, caseId: 44, version: 5 });
  });
});
