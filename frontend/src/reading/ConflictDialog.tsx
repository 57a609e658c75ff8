import type { CanonicalRead } from '../viewer/canonical';
import type { ReadSnapshot } from './ReadStore';

function summary(read: CanonicalRead): string {
  if (read.lesions.length === 0) return 'no lesions';
  const contours = read.lesions.reduce((n, l) => n + l.contours.length, 0);
  return `${read.lesions.length} lesion(s) — ${read.lesions.map((l) => l.label).join(', ')} — ${contours} contour(s)`;
}

function download(read: CanonicalRead): void {
  const blob = new Blob([JSON.stringify(read, null, 1)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `my-read-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Shown when the stored read changed under us: nothing is overwritten until the reader picks a side. */
export function ConflictDialog({ mine, theirs, onReloadTheirs, onKeepMine }: { mine: CanonicalRead; theirs: ReadSnapshot; onReloadTheirs: () => void; onKeepMine: () => void }) {
  return (
    <div className="rd-dialog-backdrop">
      <div className="rd-dialog" role="dialog" aria-modal="true" aria-labelledby="rd-conflict-title" data-testid="conflict-dialog">
        <h2 id="rd-conflict-title">Your read was changed in another window</h2>
        <p>
          {theirs.submitted
            ? 'The read was submitted from another window or device while you were working here. It is final now.'
            : 'Another window or device saved this read while you were working here. Nothing has been overwritten; saving is paused until you choose.'}
        </p>
        <dl>
          <dt>Here (yours, unsaved)</dt>
          <dd data-testid="conflict-mine">{summary(mine)}</dd>
          <dt>Stored (the other window's)</dt>
          <dd data-testid="conflict-theirs">{summary(theirs.read)}</dd>
        </dl>
        <div className="rd-actions">
          <button type="button" data-testid="conflict-download-mine" onClick={() => download(mine)}>
            Download mine (JSON)
          </button>
          <button type="button" data-testid="conflict-reload-theirs" onClick={onReloadTheirs}>
            Reload theirs (discard mine here)
          </button>
          {!theirs.submitted && (
            <button type="button" className="primary" data-testid="conflict-overwrite-mine" onClick={onKeepMine}>
              Overwrite with mine
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
