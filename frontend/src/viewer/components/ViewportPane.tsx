import { forwardRef } from 'react';
import type { PaneSnapshot } from '../cornerstone/ViewerSession';

/** One phase: the Cornerstone element plus DOM overlays (phase, slice counter, window, markers, progress). */
export const ViewportPane = forwardRef<HTMLDivElement, { pane: PaneSnapshot | undefined; index: number; label: string; active: boolean; onActivate: () => void }>(
  function ViewportPane({ pane, index, label, active, onActivate }, ref) {
    const loading = pane && pane.progress.total > 0 && pane.progress.loaded + pane.progress.failed < pane.progress.total;
    return (
      <div
        className={`dv-pane${active ? ' active' : ''}`}
        data-testid={`viewport-${index}`}
        data-status={pane?.status ?? 'loading'}
        data-slice-index={pane?.sliceIndex ?? ''}
        data-slice-count={pane?.sliceCount ?? ''}
        data-first-image-ms={pane?.timing.firstImageMs ?? ''}
        data-all-slices-ms={pane?.timing.allSlicesMs ?? ''}
        onPointerDown={onActivate}
      >
        <div className="dv-element" ref={ref} data-testid={`viewport-element-${index}`} />
        <div className="dv-overlay dv-top-left">
          <div className="dv-phase">{label}</div>
          {pane?.description && <div className="dv-muted">{pane.description}</div>}
        </div>
        <div className="dv-overlay dv-top-right">
          {pane && pane.sliceCount > 0 && (
            <div data-testid={`slice-counter-${index}`}>
              Im {pane.sliceIndex + 1} / {pane.sliceCount}
            </div>
          )}
          {pane?.slicePositionMm !== null && pane?.slicePositionMm !== undefined && <div className="dv-muted">{pane.slicePositionMm.toFixed(1)} mm</div>}
        </div>
        <div className="dv-overlay dv-bottom-left">
          {pane?.window && (
            <div data-testid={`window-${index}`}>
              W {pane.window.width} L {pane.window.center}
              {pane.preset ? ` (${pane.preset})` : ''}
            </div>
          )}
          {pane?.link && !pane.link.inRange && (
            <div className="dv-warn" data-testid={`link-out-of-range-${index}`}>
              Linked position outside this series ({pane.link.distanceMm.toFixed(0)} mm away)
            </div>
          )}
          {pane?.linkProblem && <div className="dv-warn">Not linked: {pane.linkProblem}</div>}
        </div>
        <div className="dv-overlay dv-bottom-right">
          {pane && pane.progress.total > 0 && (
            <div className={`dv-progress${loading ? '' : ' done'}`} data-testid={`load-progress-${index}`} aria-live="polite">
              {loading ? 'Loading ' : 'Loaded '}
              {pane.progress.loaded}/{pane.progress.total}
              {pane.progress.failed > 0 && <span className="dv-warn"> ({pane.progress.failed} failed)</span>}
              {loading && (
                <span className="dv-bar">
                  <span style={{ width: `${(100 * pane.progress.loaded) / pane.progress.total}%` }} />
                </span>
              )}
            </div>
          )}
        </div>
        {pane?.markers && (
          <>
            <div className="dv-marker dv-m-top" data-testid={`marker-top-${index}`}>{pane.markers.top}</div>
            <div className="dv-marker dv-m-bottom">{pane.markers.bottom}</div>
            <div className="dv-marker dv-m-left" data-testid={`marker-left-${index}`}>{pane.markers.left}</div>
            <div className="dv-marker dv-m-right">{pane.markers.right}</div>
          </>
        )}
        {pane?.status === 'loading' && pane.progress.total === 0 && <div className="dv-centre dv-muted">Loading series…</div>}
        {pane?.status === 'error' && (
          <div className="dv-centre dv-error" role="alert" data-testid={`viewport-error-${index}`}>
            This series could not be shown: {pane.error}
          </div>
        )}
      </div>
    );
  },
);
