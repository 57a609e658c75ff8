import { describe, expect, it } from 'vitest';
import { homeFor, isActive, mayOpen, navigationFor, screenFor } from './navigation';

describe('role-dependent navigation', () => {
  it('gives a reader only the worklist', () => {
    expect(navigationFor(['reader']).map((n) => n.label)).toEqual(['Worklist']);
    expect(homeFor(['reader'])).toBe('/worklist');
  });

  it('gives a PI studies, archive and audit, in that order', () => {
    expect(navigationFor(['pi']).map((n) => n.label)).toEqual(['Studies', 'Archive', 'Audit']);
    expect(homeFor(['pi'])).toBe('/studies');
  });

  it('gives a board member the board and an admin the archive, audit trail and model administration', () => {
    expect(navigationFor(['board']).map((n) => n.label)).toEqual(['Board']);
    expect(navigationFor(['admin']).map((n) => n.label)).toEqual(['Archive', 'Audit', 'Admin']);
    expect(homeFor(['admin'])).toBe('/archive');
  });

  it('combines roles without duplicates', () => {
    expect(navigationFor(['pi', 'admin', 'reader']).map((n) => n.label)).toEqual([
      'Worklist',
      'Studies',
      'Archive',
      'Audit',
      'Admin',
    ]);
  });

  it('gives a user without Delineo roles nowhere to go', () => {
    expect(navigationFor([])).toEqual([]);
    expect(homeFor([])).toBeNull();
  });

  it('refuses screens by path for the wrong role, including nested paths', () => {
    expect(mayOpen('/audit', ['reader'])).toBe(false);
    expect(mayOpen('/audit', ['admin'])).toBe(true);
    expect(mayOpen('/studies/7/dashboard', ['pi'])).toBe(true);
    expect(mayOpen('/studies/7/dashboard', ['reader'])).toBe(false);
    expect(screenFor('/auditx')).toBeUndefined();
    expect(mayOpen('/admin', ['admin'])).toBe(true);
    expect(mayOpen('/admin', ['pi', 'board', 'reader'])).toBe(false);
    expect(screenFor('/administration')).toBeUndefined();
  });

  it('opens the reader screen of a case to readers only, without a navigation entry, under the worklist', () => {
    expect(mayOpen('/read/12', ['reader'])).toBe(true);
    expect(mayOpen('/read/12', ['pi'])).toBe(false);
    expect(mayOpen('/read/12', ['board', 'admin'])).toBe(false);
    expect(navigationFor(['reader']).map((n) => n.path)).toEqual(['/worklist']);
    const [worklist] = navigationFor(['reader']);
    expect(isActive(worklist, '/read/12')).toBe(true);
    expect(isActive(worklist, '/worklist')).toBe(true);
    expect(isActive(worklist, '/readers')).toBe(false);
    expect(screenFor('/reading')).toBeUndefined();
  });
});
