import type { ReactNode } from 'react';
import type { Me } from '../api/types';
import { signOut } from '../auth/auth';
import { isActive, navigationFor } from './navigation';
import { Link } from '../kit/router';

export function Layout({ me, path, children }: { me: Me; path: string; children: ReactNode }) {
  return (
    <div className="app">
      <header className="topbar">
        <Link href="/" className="brand">
          Delineo
        </Link>
        <nav aria-label="Main">
          {navigationFor(me.roles).map((item) => (
            <Link
              key={item.path}
              href={item.path}
              className={isActive(item, path) ? 'active' : ''}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="user">
          <span className="user-name" data-testid="user-name">
            {me.name}
          </span>
          {me.roles.map((r) => (
            <span key={r} className="role-chip" data-testid="user-role">
              {r}
            </span>
          ))}
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Log out
          </button>
        </div>
      </header>
      <main>{children}</main>
    </div>
  );
}
