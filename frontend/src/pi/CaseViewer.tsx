import { useEffect, useMemo, useState } from 'react';
import { piApi, type Phase, type ReadView } from '../api/pi';
import { ReadOnlyViewer } from '../reading/ReadOnlyViewer';
import { onlySeries } from '../reading/serverRead';
import { ErrorText, messageOf } from '../kit/errors';
import { useLoaded } from '../kit/useLoaded';
import { ImportContours } from './ImportContours';
import { orderedPhases, phaseLabel } from '../kit/phases';
import { defaultChoice, readChoices, type ReadChoice } from './readChoices';

export interface CaseViewerProps {
  caseId: number;
  studyInstanceUid: string;
  series: Partial<Record<Phase, string>>;
  lesionLabels: readonly string[];
  readers: readonly string[];
  /** Every reader's read (GET /api/cases/{id}/reads), as the case review loaded it. */
  reads: readonly ReadView[] | null;
  /** Changes when consensus versions were created or approved elsewhere on the page. */
  consensusChanged: number;
  /** After an import stored a new read. */
  onImported: () => void;
}

/** The PI's read-only view of a case: its series with one reader's read, all readers, or a consensus version. */
export function CaseViewer({ caseId, studyInstanceUid, series, lesionLabels, readers, reads, consensusChanged, onImported }: CaseViewerProps) {
  const consensus = useLoaded(() => piApi.consensus(caseId), [caseId, consensusChanged]);
  const phases = useMemo(
    () => orderedPhases(Object.keys(series)).map((p) => ({ seriesInstanceUid: series[p]!, label: phaseLabel(p) })),
    [series],
  );
  const [choices, problem] = useMemo((): [ReadChoice[], string | null] => {
    try {
      return [readChoices(reads ?? [], consensus.data ?? [], onlySeries(phases.map((p) => p.seriesInstanceUid))), null];
    } catch (e) {
      return [[], messageOf(e)];
    }
  }, [reads, consensus.data, phases]);
  const [selected, setSelected] = useState<string | null>(null);
  // a choice to switch to once it exists (the read just imported, before the reads have reloaded)
  const [wanted, setWanted] = useState<string | null>(null);
  const choice = choices.find((c) => c.key === selected) ?? null;

  // start on the default, and fall back to it when the selected version disappears
  useEffect(() => {
    if (reads === null || consensus.data === null) return;
    if (wanted && choices.some((c) => c.key === wanted)) {
      setSelected(wanted);
      setWanted(null);
    } else if (!choices.some((c) => c.key === selected)) {
      setSelected(defaultChoice(choices, consensus.data));
    }
  }, [choices, selected, wanted, reads, consensus.data]);

  if (phases.length === 0) return <p className="muted">This case has no series to show.</p>;
  const controls = (
    <label>
      Contours shown{' '}
      <select value={selected ?? ''} onChange={(e) => setSelected(e.target.value)} data-testid="viewer-source" disabled={choices.length === 0}>
        {choices.length === 0 && <option value="">none saved yet</option>}
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div data-testid="case-viewer" data-selection={choice?.key ?? ''}>
      <ErrorText error={problem ?? consensus.error} />
      <ReadOnlyViewer
        testId="pi-viewer"
        studyInstanceUid={studyInstanceUid}
        phases={phases}
        lesionLabels={lesionLabels}
        read={choice?.read ?? null}
        caption={choice ? `Showing ${choice.caption}` : 'No read or consensus is saved for this case yet: images only.'}
        controls={controls}
      />
      <ImportContours caseId={caseId} readers={readers} lesionLabels={lesionLabels} onImported={(reader) => {
        onImported();
        setWanted(`reader:${reader}`);
      }} />
    </div>
  );
}
