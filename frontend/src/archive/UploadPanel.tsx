import { useRef, useState, type DragEvent } from 'react';
import { storeFile, type DeidChoice, type StoreResult } from '../api/dicomweb';
import { filesFromDrop, filesFromInput, isUploadCandidate, runLimited, type PickedFile } from './uploadQueue';

interface Row {
  path: string;
  result: StoreResult;
}

const PARALLEL_UPLOADS = 4;

/** Drag-and-drop (files or folders) or pick, then STOW-RS file by file with a progress bar and per-file results. */
export function UploadPanel({ onFinished }: { onFinished: () => void }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [deid, setDeid] = useState<DeidChoice>({ deidentify: false, retainDates: false, cleanDescriptors: false });
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const upload = async (picked: PickedFile[]) => {
    const files = picked.filter(isUploadCandidate);
    if (files.length === 0 || busy) return;
    setBusy(true);
    setRows([]);
    setTotal(files.length);
    await runLimited(
      files,
      PARALLEL_UPLOADS,
      (p) => storeFile(p.file, deid),
      (result, p) => setRows((r) => [...r, { path: p.path, result }]),
    );
    setBusy(false);
    onFinished();
  };

  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    await upload(await filesFromDrop(e.dataTransfer.items));
  };

  const done = rows.length;
  const counts = {
    stored: rows.filter((r) => r.result.status === 'stored' || r.result.status === 'replaced').length,
    already: rows.filter((r) => r.result.status === 'already stored').length,
    refused: rows.filter((r) => r.result.status === 'refused').length,
  };

  return (
    <div className="upload">
      <div
        className={'dropzone' + (over ? ' over' : '')}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void drop(e)}
      >
        <p>Drop DICOM files or folders here</p>
        <button type="button" disabled={busy} onClick={() => filesInput.current?.click()}>
          Choose files
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => folderInput.current?.click()}>
          Choose folder
        </button>
        <input
          ref={filesInput}
          type="file"
          multiple
          hidden
          data-testid="upload-files"
          onChange={(e) => void upload(filesFromInput(e.target.files))}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          data-testid="upload-folder"
          {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => void upload(filesFromInput(e.target.files))}
        />
      </div>
      <div className="filters deid-options" data-testid="deid-options">
        <label className="inline">
          <input
            type="checkbox"
            checked={deid.deidentify}
            onChange={(e) => setDeid({ ...deid, deidentify: e.target.checked })}
          />{' '}
          De-identify on upload (DICOM PS3.15 Basic Profile; UIDs and patient ID replaced consistently)
        </label>
        {deid.deidentify && (
          <>
            <label className="inline">
              <input
                type="checkbox"
                checked={deid.retainDates}
                onChange={(e) => setDeid({ ...deid, retainDates: e.target.checked })}
              />{' '}
              Retain dates (longitudinal temporal information)
            </label>
            <label className="inline">
              <input
                type="checkbox"
                checked={deid.cleanDescriptors}
                onChange={(e) => setDeid({ ...deid, cleanDescriptors: e.target.checked })}
              />{' '}
              Clean descriptors (remove free-text descriptions)
            </label>
          </>
        )}
      </div>
      {total > 0 && (
        <div className="upload-progress">
          <progress max={total} value={done} data-testid="upload-progress" />
          <span data-testid="upload-summary">
            {done} / {total} files · {counts.stored} stored · {counts.already} already stored · {counts.refused} refused
            {!busy && done === total ? ' · done' : ''}
          </span>
          <table className="data compact" data-testid="upload-results">
            <tbody>
              {rows.map((r) => (
                <tr key={r.path} className={'upload-' + r.result.status.replace(' ', '-')}>
                  <td>{r.result.status}</td>
                  <td>{r.path}</td>
                  <td className="muted">{r.result.status === 'refused' ? r.result.message : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
