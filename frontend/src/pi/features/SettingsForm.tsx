import { useState, type FormEvent } from 'react';
import { ErrorText } from '../../kit/errors';
import { buildSettings, checkSettingsText, LOG_SIGMAS_MM, PRESETS, settingsText } from './settingsPresets';
import { useAction } from '../../kit/useAction';

const DEFAULT_PRESET = PRESETS[0].id;

/**
 * Settings of a feature job: a preset, optional LoG-filtered images, and the JSON they make, which the PI may edit
 * (advanced). Choosing a preset or a scale rewrites the JSON; what is sent is always the JSON as shown.
 */
export function SettingsForm({ running, onRun }: { running: boolean; onRun: (json: string) => Promise<void> }) {
  const [presetId, setPresetId] = useState(DEFAULT_PRESET);
  const [sigmas, setSigmas] = useState<number[]>([]);
  const [text, setText] = useState(() => settingsText(buildSettings(DEFAULT_PRESET, [])));
  const [edited, setEdited] = useState(false);
  const { busy, error, setError, run } = useAction();

  const regenerate = (preset: string, scales: number[]) => {
    setPresetId(preset);
    setSigmas(scales);
    setText(settingsText(buildSettings(preset, scales)));
    setEdited(false);
  };

  const toggleSigma = (s: number) => regenerate(presetId, sigmas.includes(s) ? sigmas.filter((x) => x !== s) : [...sigmas, s]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const check = checkSettingsText(text);
    if (!check.ok) {
      setError(check.error);
      return;
    }
    await run(() => onRun(check.json));
  };

  return (
    <form className="settings-form" onSubmit={submit} data-testid="settings-form" noValidate>
      <fieldset>
        <legend>Preset</legend>
        {PRESETS.map((p) => (
          <label key={p.id} className="preset">
            <input
              type="radio"
              name="preset"
              value={p.id}
              checked={presetId === p.id && !edited}
              onChange={() => regenerate(p.id, sigmas)}
              data-testid={`preset-${p.id}`}
            />
            <span>
              <b>{p.label}</b>
              <span className="muted small block">{p.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Laplacian-of-Gaussian filtered images (features computed again on each)</legend>
        <div className="inline">
          {LOG_SIGMAS_MM.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={sigmas.includes(s)} onChange={() => toggleSigma(s)} data-testid={`log-sigma-${s}`} />
              σ {s} mm
            </label>
          ))}
        </div>
      </fieldset>
      <details className="advanced" data-testid="advanced-settings">
        <summary>Advanced: settings JSON {edited && <span className="chip">edited</span>}</summary>
        <p className="muted small">
          The engine’s contract: <code>dimensions</code>, <code>resampling</code>, <code>resegmentation</code>,{' '}
          <code>discretisation</code>, <code>ivhDiscretisation</code>, <code>filters</code>; omitted keys are not applied.
          The server checks the settings when the job is started and says what is wrong. Choosing a preset or a scale
          above replaces this text.
        </p>
        <textarea
          className="settings-json mono"
          rows={16}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setEdited(true);
          }}
          data-testid="settings-json"
        />
      </details>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || running} data-testid="run-job">
          Run feature job
        </button>
        {running && <span className="muted small">A job of this study is running; wait for it to finish.</span>}
      </div>
      <ErrorText error={error} testId="settings-error" />
    </form>
  );
}
