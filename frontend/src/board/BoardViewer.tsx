import { useMemo } from 'react';
import type { BoardCase } from '../api/board';
import { ReadOnlyViewer } from '../reading/ReadOnlyViewer';
import { canonicalFromServer, onlySeries } from '../reading/serverRead';

/** The board's read-only viewer: the released case's series with the approved consensus ROI. */
export function BoardViewer({ c }: { c: BoardCase }) {
  const phases = useMemo(() => c.phases.map((p) => ({ seriesInstanceUid: p.seriesInstanceUid, label: p.label })), [c.phases]);
  const consensus = c.consensus;
  const [read, problem] = useMemo(() => {
    if (!consensus) return [null, null];
    try {
      return [canonicalFromServer(consensus.content, onlySeries(phases.map((p) => p.seriesInstanceUid))), null];
    } catch (e) {
      return [null, e instanceof Error ? e.message : String(e)];
    }
  }, [consensus, phases]);
  const labels = useMemo(() => [...new Set(read?.lesions.map((l) => l.label) ?? [])], [read]);
  if (phases.length === 0) return <p className="muted">The case has no series to show.</p>;
  return (
    <>
      {problem && <p className="error">{problem}</p>}
      <ReadOnlyViewer
        testId="board-viewer"
        studyInstanceUid={phases.length ? c.phases[0].studyInstanceUid : ''}
        phases={phases}
        lesionLabels={labels}
        read={read}
        caption={consensus ? `Showing the approved consensus, version ${consensus.version} (${consensus.method.toLowerCase()})` : 'No approved consensus: images only.'}
      />
    </>
  );
}
