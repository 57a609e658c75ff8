import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { PhaseSpec, ViewerSession } from '../viewer/cornerstone/ViewerSession';
import type { CanonicalRead } from '../viewer/canonical';
import { portalDicomWeb } from './portalSource';
import './integration.css';

// Cornerstone and its codecs load with the first viewer, not with the portal
const SeriesViewer = lazy(() => import('../viewer/components/SeriesViewer').then((m) => ({ default: m.SeriesViewer })));

export interface ReadOnlyViewerProps {
  studyInstanceUid: string;
  phases: readonly PhaseSpec[];
  lesionLabels: readonly string[];
  /** The contours to show; a new value replaces the shown ones without reloading the images. */
  read: CanonicalRead | null;
  /** Whose contours these are, above the images. */
  caption: ReactNode;
  /** Controls above the viewer (e.g. the selector of whose contours are shown). */
  controls?: ReactNode;
  testId: string;
}

/** The PI's and the board's viewer: the case's series from the portal's DICOMweb, contours shown read-only. */
export function ReadOnlyViewer({ studyInstanceUid, phases, lesionLabels, read, caption, controls, testId }: ReadOnlyViewerProps) {
  const [session, setSession] = useState<ViewerSession | null>(null);
  // the read now on screen (undefined: none applied yet), so tests and people know when the switch is done
  const [shown, setShown] = useState<CanonicalRead | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    setError(null);
    setShown(undefined);
    session.loadRead(read ?? { lesions: [] }).then(
      () => !cancelled && setShown(read),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [session, read]);

  return (
    <div className="embedded-viewer" data-testid={testId} data-shown={shown === read ? 'true' : 'false'}>
      {controls && <div className="viewer-choice">{controls}</div>}
      <p className="viewer-shown" data-testid="viewer-shown">
        {caption}
      </p>
      {error && (
        <p className="error" role="alert" data-testid="viewer-read-error">
          These contours cannot be shown: {error}
        </p>
      )}
      <Suspense fallback={<p className="muted">Loading the viewer…</p>}>
        <SeriesViewer
          source={portalDicomWeb}
          studyInstanceUid={studyInstanceUid}
          phases={phases}
          readOnly
          lesionLabels={lesionLabels}
          onSession={setSession}
        />
      </Suspense>
    </div>
  );
}
