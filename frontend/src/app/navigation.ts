import type { Role } from '../api/types';

export interface NavItem {
  path: string;
  label: string;
  roles: Role[];
}

/** Every top-level screen and the roles that may open it (the API enforces the same rules). */
export const SCREENS: NavItem[] = [
  { path: '/worklist', label: 'Worklist', roles: ['reader'] },
  { path: '/studies', label: 'Studies', roles: ['pi'] },
  { path: '/board', label: 'Board', roles: ['board'] },
  { path: '/archive', label: 'Archive', roles: ['pi', 'admin'] },
  { path: '/audit', label: 'Audit', roles: ['pi', 'admin'] },
  { path: '/admin', label: 'Admin', roles: ['admin'] },
];

/** Screens opened from another screen, not from the navigation; `under` is the entry shown as active meanwhile. */
export const SUB_SCREENS: (NavItem & { under: string })[] = [
  { path: '/read', label: 'Reading a case', roles: ['reader'], under: '/worklist' },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return SCREENS.filter((s) => s.roles.some((r) => roles.includes(r)));
}

/** The screen a user lands on after login: the first one their roles open. */
export function homeFor(roles: readonly Role[]): string | null {
  return navigationFor(roles)[0]?.path ?? null;
}

/** The screen that owns a path (longest prefix), or undefined for unknown paths. */
export function screenFor(path: string): NavItem | undefined {
  return [...SCREENS, ...SUB_SCREENS].filter((s) => path === s.path || path.startsWith(s.path + '/')).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}

export function mayOpen(path: string, roles: readonly Role[]): boolean {
  const screen = screenFor(path);
  return screen !== undefined && screen.roles.some((r) => roles.includes(r));
}

/** Whether a navigation entry is highlighted on this path (sub-screens highlight the entry they belong to). */
export function isActive(item: NavItem, path: string): boolean {
  const owner = SUB_SCREENS.find((s) => path === s.path || path.startsWith(s.path + '/'));
  const p = owner ? owner.under : path;
  return p === item.path || p.startsWith(item.path + '/');
}
