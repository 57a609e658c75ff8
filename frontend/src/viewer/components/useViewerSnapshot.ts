import { useSyncExternalStore } from 'react';
import type { ViewerSession, ViewerSnapshot } from '../cornerstone/ViewerSession';

const noop = () => () => {};

/** The session's current snapshot (re-renders on change); null until the session exists. */
export function useViewerSnapshot(session: ViewerSession | null): ViewerSnapshot | null {
  return useSyncExternalStore(session ? session.subscribe : noop, () => (session ? session.getSnapshot() : null));
}
