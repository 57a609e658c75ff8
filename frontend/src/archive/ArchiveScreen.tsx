import { useCallback, useEffect, useState } from 'react';
import { numberOf, searchSeries, searchStudies, TAG, text, type DicomJson } from '../api/dicomweb';
import { UploadPanel } from './UploadPanel';

/** PI/admin view of the archive: upload (files or folders) and the stored studies with their series. */
export function ArchiveScreen() {
  const [studies, setStudies] = useState<DicomJson[] | null>(null);
  const [patient, setPatient] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [series, setSeries] = useState<DicomJson[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    searchStudies({ PatientID: patient ? `*${patient}*` : undefined, limit: 200 }).then(setStudies, (e: Error) =>
      setError(e.message),
    );
  }, [patient]);
  useEffect(load, [load]);

  const toggle = (uid: string) => {
    if (open === uid) {
      setOpen(null);
      return;
    }
    setOpen(uid);
    searchSeries(uid).then(setSeries, (e: Error) => setError(e.message));
  };

  return (
    <section data-testid="archive-screen">
      <h1>Archive</h1>
      <UploadPanel onFinished={load} />
      <h2>Studies</h2>
      <div className="filters">
        <label>
          Patient ID contains
          <input value={patient} onChange={(e) => setPatient(e.target.value)} />
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      {studies && studies.length === 0 && <p className="muted">No studies match.</p>}
      {studies && studies.length > 0 && (
        <table className="data" data-testid="study-table">
          <thead>
            <tr>
              <th>Patient ID</th>
              <th>Patient</th>
              <th>Date</th>
              <th>Description</th>
              <th>Modalities</th>
              <th>Series</th>
              <th>Images</th>
            </tr>
          </thead>
          <tbody>
            {studies.map((s) => {
              const uid = text(s, TAG.StudyInstanceUID);
              return [
                <tr key={uid} className="clickable" onClick={() => toggle(uid)} data-study-uid={uid}>
                  <td>{text(s, TAG.PatientID)}</td>
                  <td>{text(s, TAG.PatientName)}</td>
                  <td>{formatDate(text(s, TAG.StudyDate))}</td>
                  <td>{text(s, TAG.StudyDescription)}</td>
                  <td>{(s[TAG.ModalitiesInStudy]?.Value ?? []).join(', ')}</td>
                  <td>{numberOf(s, TAG.NumberOfStudyRelatedSeries)}</td>
                  <td>{numberOf(s, TAG.NumberOfStudyRelatedInstances)}</td>
                </tr>,
                open === uid && (
                  <tr key={uid + '-series'}>
                    <td colSpan={7}>
                      <table className="data nested">
                        <tbody>
                          {series.map((se) => (
                            <tr key={text(se, TAG.SeriesInstanceUID)}>
                              <td>#{text(se, TAG.SeriesNumber)}</td>
                              <td>{text(se, TAG.Modality)}</td>
                              <td>{text(se, TAG.SeriesDescription)}</td>
                              <td>{numberOf(se, TAG.NumberOfSeriesRelatedInstances)} images</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function formatDate(da: string): string {
  return da.length === 8 ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6)}` : da;
}
