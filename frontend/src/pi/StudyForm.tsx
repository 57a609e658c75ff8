import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { navigate } from '../kit/router';
import { piApi, type ReaderStudy } from '../api/pi';
import { Breadcrumbs } from '../kit/Panel';
import { ErrorText } from '../kit/errors';
import { LoadFailed } from './common';
import { useLoaded } from '../kit/useLoaded';
import { phaseGroups, phaseLabel } from '../kit/phases';
import { piPaths } from './routes';
import {
  addLabel,
  COMMON_LABELS,
  draftOf,
  draftProblems,
  editLimits,
  emptyDraft,
  inputOf,
  toggle,
  updateOf,
  type StudyDraft,
} from './studyForm';
import { useAction } from '../kit/useAction';

/** Create a reader study (studyId absent) or edit one. */
export function StudyForm({ studyId }: { studyId?: number }) {
  const existing = useLoaded<ReaderStudy | null>(
    () => (studyId === undefined ? Promise.resolve(null) : piApi.study(studyId)),
    [studyId],
  );
  const readers = useLoaded(() => piApi.readers(), []);
  const [draft, setDraft] = useState<StudyDraft | null>(studyId === undefined ? emptyDraft() : null);
  const [labelText, setLabelText] = useState('');
  const [labelProblem, setLabelProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const { busy: saving, error: serverError, setError: setServerError, run } = useAction();

  useEffect(() => {
    if (existing.data && draft === null) setDraft(draftOf(existing.data));
  }, [existing.data, draft]);

  const study = existing.data;
  const limits = editLimits(study);

  if (studyId !== undefined && existing.error) return <LoadFailed error={existing.error} />;
  if (!draft) return <p className="muted">Loading…</p>;

  const set = (patch: Partial<StudyDraft>) => setDraft({ ...draft, ...patch });

  const add = (text: string) => {
    const r = addLabel(draft.lesionLabels, text);
    setLabelProblem(r.problem);
    if (!r.problem) {
      set({ lesionLabels: r.labels });
      setLabelText('');
    }
  };
  const onLabelKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add(labelText);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = draftProblems(draft);
    setProblems(p);
    setServerError(null);
    if (p.length) return;
    await run(async () => {
      const saved = study ? await piApi.updateStudy(study.id, updateOf(draft, study)) : await piApi.createStudy(inputOf(draft));
      navigate(piPaths.study(saved.id));
    });
  };

  const known = new Set((readers.data ?? []).map((r) => r.userName));
  const unknownAssigned = draft.readers.filter((r) => readers.data && !known.has(r));

  return (
    <div data-testid="study-form">
      <Breadcrumbs
        items={[
          { label: 'Reader studies', href: piPaths.list() },
          ...(study ? [{ label: study.name, href: piPaths.study(study.id) }] : []),
          { label: study ? 'Edit' : 'New study' },
        ]}
      />
      <h1>{study ? `Edit “${study.name}”` : 'New reader study'}</h1>
      {study?.status === 'CLOSED' && (
        <p className="warn">This study is closed; the server refuses changes until it is reopened.</p>
      )}
      <form className="study-form" onSubmit={submit} noValidate>
        <label className="field">
          <span>Name</span>
          <input
            name="name"
            value={draft.name}
            maxLength={200}
            onChange={(e) => set({ name: e.target.value })}
            placeholder="e.g. PanNET arterial-phase contouring 2026"
          />
        </label>
        <label className="field">
          <span>Purpose</span>
          <textarea
            name="purpose"
            rows={3}
            value={draft.purpose}
            onChange={(e) => set({ purpose: e.target.value })}
            placeholder="What the readers contour and why (shown to readers with their worklist)"
          />
        </label>

        <fieldset className="field">
          <legend>Lesion labels</legend>
          <div className="chips" data-testid="label-chips">
            {draft.lesionLabels.length === 0 && <span className="muted">No labels yet.</span>}
            {draft.lesionLabels.map((l) => {
              const locked = limits.lockedLabels.includes(l);
              return (
                <span key={l} className="chip label-chip" data-label={l}>
                  {l}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove label ${l}`}
                    title={locked ? 'The study has cases: labels can be added, not removed' : `Remove ${l}`}
                    disabled={locked}
                    onClick={() => set({ lesionLabels: draft.lesionLabels.filter((x) => x !== l) })}
                  >
                    ×
                  </button>
                </span>
              );
            })}
          </div>
          <div className="inline">
            <input
              aria-label="New lesion label"
              data-testid="label-input"
              value={labelText}
              onChange={(e) => setLabelText(e.target.value)}
              onKeyDown={onLabelKey}
              placeholder="Type a label, press Enter"
            />
            <button type="button" onClick={() => add(labelText)}>
              Add label
            </button>
            {COMMON_LABELS.filter((l) => !draft.lesionLabels.includes(l)).map((l) => (
              <button key={l} type="button" className="link-button" onClick={() => add(l)}>
                + {l}
              </button>
            ))}
          </div>
          <ErrorText error={labelProblem} />
          {limits.lockedLabels.length > 0 && (
            <p className="muted small">The study has cases: labels can be added but not removed.</p>
          )}
        </fieldset>

        <fieldset className="field" disabled={limits.phasesLocked}>
          <legend>Phases readers see</legend>
          <div className="phase-groups">
            {phaseGroups().map((g) => (
              <div key={g.modality} className="phase-group">
                <span className="muted small">{g.modality}</span>
                {g.phases.map((p) => (
                  <label key={p} className="check">
                    <input
                      type="checkbox"
                      name="phase"
                      value={p}
                      checked={draft.phases.includes(p)}
                      onChange={(e) => set({ phases: toggle(draft.phases, p, e.target.checked) })}
                    />
                    {phaseLabel(p)}
                  </label>
                ))}
              </div>
            ))}
          </div>
          {limits.phasesLocked && <p className="muted small">Phases are fixed once the study has been opened.</p>}
        </fieldset>

        <fieldset className="field">
          <legend>Readers</legend>
          <ErrorText error={readers.error && `The reader list could not be loaded: ${readers.error}`} />
          {readers.loading && !readers.data && <span className="muted">Loading readers…</span>}
          {readers.data && readers.data.length === 0 && (
            <p className="muted">No user has the reader role yet. An administrator assigns it in Keycloak.</p>
          )}
          <div className="reader-picks" data-testid="reader-picks">
            {(readers.data ?? []).map((r) => (
              <label key={r.userName} className="check">
                <input
                  type="checkbox"
                  name="reader"
                  value={r.userName}
                  checked={draft.readers.includes(r.userName)}
                  onChange={(e) => set({ readers: toggle(draft.readers, r.userName, e.target.checked) })}
                />
                {r.displayName && r.displayName !== r.userName ? `${r.displayName} (${r.userName})` : r.userName}
              </label>
            ))}
            {unknownAssigned.map((r) => (
              <label key={r} className="check" title="Assigned, but not a portal user with the reader role">
                <input type="checkbox" checked readOnly disabled />
                {r} <span className="muted small">(external reader, no login)</span>
              </label>
            ))}
          </div>
        </fieldset>

        <label className="check field">
          <input type="checkbox" name="blinded" checked={draft.blinded} onChange={(e) => set({ blinded: e.target.checked })} />
          Blinded reading — readers work independently, without other readers’ contours or the pathology result
        </label>

        {problems.length > 0 && (
          <ul className="error problems" role="alert" data-testid="form-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <ErrorText error={serverError} testId="server-error" />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {study ? 'Save changes' : 'Create study'}
          </button>
          <button type="button" onClick={() => navigate(study ? piPaths.study(study.id) : piPaths.list())}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
