import { useState } from 'react';
import type { ViewerSession, ViewerSnapshot } from '../cornerstone/ViewerSession';

function formatVolume(ml: number | null | undefined): string {
  if (ml === null || ml === undefined) return '—';
  return ml < 10 ? `${ml.toFixed(2)} mL` : `${ml.toFixed(1)} mL`;
}

/** Lesions of the read: label, phase, live volume (the server's rule), slice range; create, relabel, delete. */
export function LesionPanel({ session, snapshot, lesionLabels }: { session: ViewerSession; snapshot: ViewerSnapshot; lesionLabels: readonly string[] }) {
  const [newLabel, setNewLabel] = useState(lesionLabels[0] ?? '');
  const [confirming, setConfirming] = useState<string | null>(null);
  const activePane = snapshot.panes[snapshot.activePane];
  return (
    <aside className="dv-lesions" data-testid="lesion-panel" aria-label="Lesions">
      <h2>Lesions</h2>
      {!snapshot.readOnly && (
        <div className="dv-new-lesion">
          <select value={newLabel} onChange={(e) => setNewLabel(e.target.value)} data-testid="new-lesion-label" aria-label="Label of the new lesion">
            {lesionLabels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          <button type="button" className="primary" data-testid="new-lesion" disabled={activePane?.status !== 'ready'} onClick={() => session.newLesion(newLabel)} title="New lesion on the active phase (N)">
            New lesion
          </button>
          <div className="dv-muted dv-small">on {activePane?.phaseLabel}</div>
        </div>
      )}
      {snapshot.lesions.length === 0 && <p className="dv-muted">{snapshot.readOnly ? 'No lesions in this read.' : 'No lesions yet.'}</p>}
      <ul>
        {snapshot.lesions.map((l) => {
          const active = l.id === snapshot.activeLesionId;
          const range = l.measure?.sliceRange;
          return (
            <li
              key={l.id}
              className={`dv-lesion${active ? ' active' : ''}`}
              data-testid="lesion-row"
              data-lesion-id={l.id}
              data-volume-ml={l.measure?.volumeMl ?? ''}
              onClick={() => session.selectLesion(l.id)}
            >
              <span className="dv-swatch" style={{ background: `rgb(${l.colour.join(',')})` }} />
              <div className="dv-lesion-main">
                {snapshot.readOnly ? (
                  <strong data-testid="lesion-label">{l.label}</strong>
                ) : (
                  <select
                    value={l.label}
                    data-testid="lesion-label"
                    aria-label="Lesion label"
                    onClick={(e) => e.stopPropagation()}
                    onChange={(e) => session.relabelLesion(l.id, e.target.value)}
                  >
                    {lesionLabels.map((x) => (
                      <option key={x} value={x}>
                        {x}
                      </option>
                    ))}
                  </select>
                )}
                <div className="dv-muted dv-small">{l.phaseLabel}</div>
                <div>
                  <span data-testid="lesion-volume">{formatVolume(l.measure?.volumeMl)}</span>
                  <span className="dv-muted dv-small" data-testid="lesion-slices">
                    {range ? ` · slices ${range.first + 1}–${range.last + 1}` : ' · not drawn yet'}
                  </span>
                </div>
                {l.pendingInterpolations > 0 && (
                  <div className="dv-warn dv-small" data-testid="lesion-pending">
                    {l.pendingInterpolations} interpolated contour(s) proposed — press I to accept
                  </div>
                )}
                {l.measure?.problem && <div className="dv-warn dv-small">{l.measure.problem}</div>}
              </div>
              {!snapshot.readOnly &&
                (confirming === l.id ? (
                  <span className="dv-confirm" onClick={(e) => e.stopPropagation()}>
                    Delete with all contours? This cannot be undone.
                    <button type="button" className="danger" data-testid="lesion-delete-confirm" onClick={() => { session.deleteLesion(l.id); setConfirming(null); }}>
                      Delete
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button type="button" className="dv-icon" title="Delete lesion" data-testid="lesion-delete" onClick={(e) => { e.stopPropagation(); setConfirming(l.id); }}>
                    ✕
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
      {snapshot.message && (
        <p className="dv-warn" role="status" data-testid="viewer-message">
          {snapshot.message}
        </p>
      )}
      {snapshot.notes.length > 0 && (
        <ul className="dv-notes dv-warn dv-small" data-testid="viewer-notes">
          {snapshot.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </aside>
  );
}
