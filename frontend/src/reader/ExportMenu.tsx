import { useState } from 'react';
import { downloadReadExport, EXPORT_LABELS, type ExportFormat } from '../api/interop';
import { useAction } from '../kit/useAction';

const FORMATS: ExportFormat[] = ['seg', 'rtstruct', 'nifti'];

/**
 * Downloads of the reader's own read (its last saved version) as DICOM SEG, RTSTRUCT or a NIfTI label map.
 * `readId` is null until the read has been saved once.
 */
export function ExportMenu({ readId, hasLesions }: { readId: number | null; hasLesions: boolean }) {
  const { busyWith: busy, error, run: act } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const disabled = readId === null || !hasLesions;
  const run = async (format: ExportFormat) => {
    if (readId === null) return;
    setDone(null);
    await act(async () => setDone(await downloadReadExport(readId, format)), { what: format });
  };
  return (
    <details className="rd-export" data-testid="export-menu">
      <summary title={disabled ? 'Save a lesion first: exports contain the last saved version' : 'Download your read (last saved version)'}>
        Export
      </summary>
      <div className="rd-export-items">
        {FORMATS.map((f) => (
          <button key={f} type="button" data-testid={`export-${f}`} disabled={disabled || busy !== null} onClick={() => void run(f)}>
            {busy === f ? 'Preparing…' : EXPORT_LABELS[f]}
          </button>
        ))}
        {disabled && <span className="muted small">Nothing saved to export yet.</span>}
        {done && (
          <span className="muted small" data-testid="export-done">
            Downloaded {done}
          </span>
        )}
        {error && (
          <span className="error small" role="alert" data-testid="export-error">
            {error}
          </span>
        )}
      </div>
    </details>
  );
}
