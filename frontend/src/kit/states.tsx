import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function Refused({ what }: { what: string }) {
  return (
    <div className="refused" role="alert" data-testid="refused">
      <h2>Not available to you</h2>
      <p>{what}</p>
    </div>
  );
}
