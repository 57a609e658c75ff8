import type { ValidationIssue } from '../viewer/validation';

export interface SubmitWording {
  title: string;
  text: string;
  confirm: string;
  busy: string;
}

/** Confirms submission; errors (open or off-plane contours, unknown labels …) block it, warnings do not. */
export function SubmitDialog({ wording, issues, error, busy, onConfirm, onCancel }: { wording: SubmitWording; issues: ValidationIssue[]; error: string | null; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <div className="rd-dialog-backdrop">
      <div className="rd-dialog" role="dialog" aria-modal="true" aria-labelledby="rd-submit-title" data-testid="submit-dialog">
        <h2 id="rd-submit-title">{wording.title}</h2>
        <p>{wording.text}</p>
        {errors.length > 0 && (
          <>
            <p className="error">These problems must be fixed first:</p>
            <ul className="rd-issues error" data-testid="submit-errors">
              {errors.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          </>
        )}
        {warnings.length > 0 && (
          <ul className="rd-issues dv-warn" data-testid="submit-warnings">
            {warnings.map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        )}
        {error && (
          <p className="error" role="alert" data-testid="submit-error">
            {error}
          </p>
        )}
        <div className="rd-actions">
          <button type="button" onClick={onCancel} data-testid="submit-cancel">
            Keep working
          </button>
          <button type="button" className="primary" disabled={errors.length > 0 || busy} onClick={onConfirm} data-testid="submit-confirm">
            {busy ? wording.busy : wording.confirm}
          </button>
        </div>
      </div>
    </div>
  );
}
