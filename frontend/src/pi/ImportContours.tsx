import { useState, type FormEvent } from 'react';
import { importRead } from '../api/interop';
import type { ReadView } from '../api/pi';
import { useAction } from '../kit/useAction';

/**
 * Contours made in another tool, imported as a reader's read of the case: a DICOM RTSTRUCT or SEG on one of the
 * case's series (the server matches ROI/segment names to the study's labels, else gives them the chosen label).
 * The imported read is stored as that reader's next version, submitted.
 */
export function ImportContours({
  caseId,
  readers,
  lesionLabels,
  onImported,
}: {
  caseId: number;
  readers: readonly string[];
  lesionLabels: readonly string[];
  onImported: (reader: string) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [reader, setReader] = useState(readers[0] ?? '');
  const [label, setLabel] = useState('');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !reader) return;
    setDone(null);
    await run(async () => {
      const view = await importRead<ReadView>(caseId, file, reader, label || undefined);
      setDone(`${file.name} is now ${view.reader}'s read, version ${view.version} (${view.content.lesions.length} lesion(s), submitted).`);
      setFile(null);
      setInputKey((k) => k + 1);
      onImported(view.reader);
    });
  };

  return (
    <form className="import-contours" onSubmit={(e) => void submit(e)} data-testid="import-contours">
      <strong>Import contours</strong>
      <label>
        DICOM SEG or RTSTRUCT
        <input key={inputKey} type="file" accept=".dcm,application/dicom" data-testid="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        as the read of
        <select value={reader} onChange={(e) => setReader(e.target.value)} data-testid="import-reader">
          {readers.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        label for unmatched names
        <select value={label} onChange={(e) => setLabel(e.target.value)} data-testid="import-label">
          <option value="">{lesionLabels[0] ?? '—'} (default)</option>
          {lesionLabels.slice(1).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!file || !reader || busy} data-testid="import-submit">
        {busy ? 'Importing…' : 'Import'}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {done && (
        <p className="muted" data-testid="import-done">
          {done}
        </p>
      )}
    </form>
  );
}
