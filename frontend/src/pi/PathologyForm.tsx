import { useEffect, useState, type FormEvent } from 'react';
import { piApi, type Pathology, type PathologyInput, type PathologySource, type WhoGrade } from '../api/pi';
import { ErrorText } from '../kit/errors';
import { useLoaded } from '../kit/useLoaded';
import { dateTime } from '../kit/format';
import { pathologyDraftOf, pathologyInputOf, type PathologyDraft } from './pathology';
import { useAction } from '../kit/useAction';

/** The case's pathology reference (WHO grade, Ki-67, mitoses, source). PI only: readers never see it. */
export function PathologyForm({ caseId, onSaved }: { caseId: number; onSaved?: (p: Pathology) => void }) {
  const loaded = useLoaded(() => piApi.pathology(caseId), [caseId]);
  const [draft, setDraft] = useState<PathologyDraft | null>(null);
  const [saved, setSaved] = useState<Pathology | null>(null);
  const { busy: saving, error, setError, run } = useAction();

  useEffect(() => {
    if (!loaded.loading && !loaded.error) {
      setSaved(loaded.data);
      setDraft(pathologyDraftOf(loaded.data));
    }
  }, [loaded.data, loaded.loading, loaded.error]);

  if (loaded.error) return <ErrorText error={loaded.error} />;
  if (!draft) return <p className="muted">Loading pathology…</p>;

  const set = (patch: Partial<PathologyDraft>) => setDraft({ ...draft, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const input: PathologyInput | string = pathologyInputOf(draft);
    if (typeof input === 'string') {
      setError(input);
      return;
    }
    await run(async () => {
      const p = await piApi.savePathology(caseId, input);
      setSaved(p);
      setDraft(pathologyDraftOf(p));
      onSaved?.(p);
    });
  };

  return (
    <form className="pathology" onSubmit={submit} data-testid="pathology-form" data-case-id={caseId} noValidate>
      <p className="pi-only" role="note">
        PI only — readers never see this. Reading and recording it are audited.
      </p>
      <div className="filters">
        <label>
          WHO grade
          <select name="whoGrade" value={draft.whoGrade} onChange={(e) => set({ whoGrade: e.target.value as WhoGrade | '' })}>
            <option value="">not recorded</option>
            <option value="G1">G1</option>
            <option value="G2">G2</option>
            <option value="G3">G3</option>
          </select>
        </label>
        <label>
          Ki-67 index (%)
          <input
            name="ki67Percent"
            type="number"
            min={0}
            max={100}
            step="any"
            value={draft.ki67Percent}
            onChange={(e) => set({ ki67Percent: e.target.value })}
          />
        </label>
        <label>
          Mitotic count (per 2 mm²)
          <input
            name="mitoticCount"
            type="number"
            min={0}
            step="any"
            value={draft.mitoticCount}
            onChange={(e) => set({ mitoticCount: e.target.value })}
          />
        </label>
        <label>
          Source
          <select name="source" value={draft.source} onChange={(e) => set({ source: e.target.value as PathologySource | '' })}>
            <option value="">not recorded</option>
            <option value="RESECTION">Resection specimen</option>
            <option value="EUS_FNA">EUS-FNA</option>
          </select>
        </label>
        <label className="check">
          <input
            name="releasedToBoard"
            type="checkbox"
            checked={draft.releasedToBoard}
            onChange={(e) => set({ releasedToBoard: e.target.checked })}
          />
          Released to the tumour board
        </label>
        <button type="submit" className="primary" disabled={saving}>
          Save pathology
        </button>
      </div>
      <p className="muted small" data-testid="pathology-recorded">
        {saved ? `Recorded by ${saved.recordedBy}, ${dateTime(saved.recordedAt)}.` : 'No pathology recorded for this case yet.'}
      </p>
      <ErrorText error={error} />
    </form>
  );
}
