import { useState, type FormEvent } from 'react';
import { numberOf, searchStudies, TAG, text, type DicomJson } from '../api/dicomweb';
import { piApi, type ReaderStudy, type SeriesSuggestion, type StudyCase } from '../api/pi';
import { choiceProblems, initialChoice, isImageSeries, seriesByPhase, suggestionNote, type PhaseChoice } from './caseSeries';
import { ErrorText } from '../kit/errors';
import { Panel } from '../kit/Panel';
import { phaseLabel } from '../kit/phases';
import { useAction } from '../kit/useAction';

const SEARCH_LIMIT = 50;

/** Adds an archive study as a case: search by patient ID, pick the study, confirm or override each series' phase. */
export function AddCasePanel({
  study,
  cases,
  onAdded,
  onClose,
}: {
  study: ReaderStudy;
  cases: StudyCase[];
  onAdded: (c: StudyCase) => void;
  onClose: () => void;
}) {
  const [patient, setPatient] = useState('');
  const [results, setResults] = useState<DicomJson[] | null>(null);
  const [picked, setPicked] = useState<DicomJson | null>(null);
  const [suggestions, setSuggestions] = useState<SeriesSuggestion[] | null>(null);
  const [choice, setChoice] = useState<PhaseChoice>({});
  const [label, setLabel] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const { busyWith, error, setError, run } = useAction();
  const searching = busyWith === 'search';
  const adding = busyWith === 'add';

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setPicked(null);
    setSuggestions(null);
    const term = patient.trim();
    await run(async () => setResults(await searchStudies({ PatientID: term ? `*${term}*` : undefined, limit: SEARCH_LIMIT })), { what: 'search' });
  };

  const pick = async (s: DicomJson) => {
    setPicked(s);
    setSuggestions(null);
    setProblems([]);
    await run(async () => {
      const list = await piApi.phaseSuggestions(text(s, TAG.StudyInstanceUID));
      setSuggestions(list);
      setChoice(initialChoice(list, study.phases));
    }, { what: 'pick' });
  };

  const add = async () => {
    if (!picked) return;
    const p = choiceProblems(choice);
    setProblems(p);
    setError(null);
    if (p.length) return;
    await run(async () => {
      const created = await piApi.addCase(study.id, {
        label: label.trim() || undefined,
        studyInstanceUid: text(picked, TAG.StudyInstanceUID),
        series: seriesByPhase(choice),
      });
      onAdded(created);
    }, { what: 'add' });
  };

  const pickedUid = picked ? text(picked, TAG.StudyInstanceUID) : null;
  const alreadyIn = pickedUid ? cases.filter((c) => c.studyInstanceUid === pickedUid) : [];
  const initial = suggestions ? initialChoice(suggestions, study.phases) : {};

  return (
    <Panel
      title="Add a case from the archive"
      testId="add-case"
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <form className="filters" onSubmit={search}>
        <label>
          Patient ID contains
          <input value={patient} onChange={(e) => setPatient(e.target.value)} data-testid="patient-search" autoFocus />
        </label>
        <button type="submit" disabled={searching}>
          Search archive
        </button>
        <span className="muted small">Empty searches list the {SEARCH_LIMIT} most recent studies.</span>
      </form>
      {results && results.length === 0 && <p className="muted">No archive study matches.</p>}
      {results && results.length > 0 && (
        <table className="data compact" data-testid="archive-results">
          <thead>
            <tr>
              <th>Patient ID</th>
              <th>Date</th>
              <th>Description</th>
              <th>Modalities</th>
              <th className="num">Series</th>
              <th className="num">Images</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {results.map((s) => {
              const uid = text(s, TAG.StudyInstanceUID);
              return (
                <tr key={uid} data-study-uid={uid} className={uid === pickedUid ? 'selected' : ''}>
                  <td>{text(s, TAG.PatientID)}</td>
                  <td>{formatDa(text(s, TAG.StudyDate))}</td>
                  <td>{text(s, TAG.StudyDescription)}</td>
                  <td>{(s[TAG.ModalitiesInStudy]?.Value ?? []).join(', ')}</td>
                  <td className="num">{numberOf(s, TAG.NumberOfStudyRelatedSeries)}</td>
                  <td className="num">{numberOf(s, TAG.NumberOfStudyRelatedInstances)}</td>
                  <td>
                    <button type="button" onClick={() => void pick(s)} disabled={uid === pickedUid}>
                      {uid === pickedUid ? 'Chosen' : 'Choose'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {picked && (
        <div className="phase-mapping" data-testid="phase-mapping">
          <h3>
            Series of {text(picked, TAG.PatientID) || 'the chosen study'} — confirm the phase of each
          </h3>
          {alreadyIn.length > 0 && (
            <p className="warn">This archive study is already case {alreadyIn.map((c) => c.label).join(', ')} of this study.</p>
          )}
          {!suggestions && !error && <p className="muted">Reading the series…</p>}
          {suggestions && suggestions.length === 0 && <p className="muted">The archive holds no series for this study.</p>}
          {suggestions && suggestions.length > 0 && (
            <table className="data compact" data-testid="series-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Modality</th>
                  <th>Description</th>
                  <th className="num">Images</th>
                  <th>Suggestion (reason)</th>
                  <th>Phase in this case</th>
                </tr>
              </thead>
              <tbody>
                {suggestions.map((s) => {
                  const applied = initial[s.seriesInstanceUid] !== '' && initial[s.seriesInstanceUid] === s.suggestedPhase;
                  return (
                    <tr key={s.seriesInstanceUid} data-series-uid={s.seriesInstanceUid}>
                      <td>{s.seriesNumber ?? ''}</td>
                      <td>{s.modality}</td>
                      <td>{s.seriesDescription}</td>
                      <td className="num">{s.instances}</td>
                      <td className={s.suggestedPhase ? '' : 'muted'}>{suggestionNote(s, study.phases, applied)}</td>
                      <td>
                        <select
                          aria-label={`Phase of series ${s.seriesNumber ?? s.seriesInstanceUid}`}
                          data-testid="phase-select"
                          value={choice[s.seriesInstanceUid] ?? ''}
                          disabled={!isImageSeries(s)}
                          onChange={(e) =>
                            setChoice({ ...choice, [s.seriesInstanceUid]: e.target.value as PhaseChoice[string] })
                          }
                        >
                          <option value="">— not used —</option>
                          {study.phases.map((p) => (
                            <option key={p} value={p}>
                              {phaseLabel(p)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="filters">
            <label>
              Case label (optional)
              <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={`Case ${cases.length + 1}`} />
            </label>
            <button type="button" className="primary" onClick={() => void add()} disabled={!suggestions || adding} data-testid="add-case-submit">
              Add case
            </button>
          </div>
          {problems.length > 0 && (
            <ul className="error problems" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorText error={error} testId="add-case-error" />
    </Panel>
  );
}

function formatDa(da: string): string {
  return da.length === 8 ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6)}` : da;
}
