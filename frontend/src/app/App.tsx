import { lazy, Suspense, useEffect, useState } from 'react';
import { AdminScreen } from '../admin/AdminScreen';
import { api } from '../api';
import type { Me } from '../api/types';
import { ArchiveScreen } from '../archive/ArchiveScreen';
import { AuditScreen } from '../audit/AuditScreen';
import { BoardScreen } from '../board/BoardScreen';
import { StudiesScreen } from '../pi/StudiesScreen';
import { WorklistScreen } from '../worklist/WorklistScreen';
import { EmptyState, Refused } from '../kit/states';
import { Layout } from './Layout';
import { homeFor, mayOpen, screenFor } from './navigation';

// the reader screen brings the image viewer (Cornerstone, codecs): loaded only when a case is opened
const ReaderRoute = lazy(() => import('../reader/ReaderRoute').then((m) => ({ default: m.ReaderRoute })));
import { navigate, usePath } from '../kit/router';

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = usePath();

  useEffect(() => {
    api.me().then(setMe, (e: Error) => setError(e.message));
  }, []);

  useEffect(() => {
    if (me && path === '/') {
      const home = homeFor(me.roles);
      if (home) navigate(home, true);
    }
  }, [me, path]);

  if (error) return <div className="boot error">The portal could not load your profile: {error}</div>;
  if (!me) return <div className="boot">Loading…</div>;

  return (
    <Layout me={me} path={path}>
      <Screen me={me} path={path} />
    </Layout>
  );
}

function Screen({ me, path }: { me: Me; path: string }) {
  if (path === '/') {
    return (
      <EmptyState title="No Delineo role">
        <p>Your account has none of the roles reader, pi, board or admin. Ask an administrator to assign one.</p>
      </EmptyState>
    );
  }
  const screen = screenFor(path);
  if (!screen) return <EmptyState title="Page not found" />;
  if (!mayOpen(path, me.roles)) {
    return <Refused what={`${screen.label} requires the role ${screen.roles.join(' or ')}.`} />;
  }
  switch (screen.path) {
    case '/worklist':
      return <WorklistScreen />;
    case '/studies':
      return <StudiesScreen />;
    case '/board':
      return <BoardScreen />;
    case '/audit':
      return <AuditScreen />;
    case '/archive':
      return <ArchiveScreen />;
    case '/read': {
      const caseId = /^\/read\/(\d+)$/.exec(path)?.[1];
      if (!caseId) return <EmptyState title="Page not found" />;
      return (
        <Suspense fallback={<p className="boot">Loading the viewer…</p>}>
          <ReaderRoute key={caseId} caseId={Number(caseId)} />
        </Suspense>
      );
    }
    case '/admin':
      return <AdminScreen />;
    default:
      return <EmptyState title="Page not found" />;
  }
}
