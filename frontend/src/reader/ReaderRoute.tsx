import { useEffect, useMemo, useState } from 'react';
import { worklistCase, type WorklistItem } from '../api/worklist';
import { EmptyState } from '../kit/states';
import { Link } from '../kit/router';
import { ExportMenu } from './ExportMenu';
import { HttpReadStore, type MyReadView } from './HttpReadStore';
import { portalDicomWeb } from '../reading/portalSource';
import { ReaderScreen, type ReaderCase } from '../reading/ReaderScreen';
import { onlySeries } from '../reading/serverRead';
import '../reading/integration.css';

/** What the reader screen needs from a worklist item. */
export function readerCaseOf(item: WorklistItem): ReaderCase {
  return {
    caseId: String(item.caseId),
    title: item.caseLabel,
    studyInstanceUid: item.phases[0].studyInstanceUid,
    phases: item.phases.map((p) => ({ seriesInstanceUid: p.seriesInstanceUid, label: p.label })),
    lesionLabels: item.lesionLabels,
  };
}

/** /read/{caseId}: the reader's own read of an assigned case, saved to the portal as they draw. */
export function ReaderRoute({ caseId }: { caseId: number }) {
  const [item, setItem] = useState<WorklistItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<MyReadView | null>(null);

  useEffect(() => {
    let cancelled = false;
    setItem(null);
    setError(null);
    worklistCase(caseId).then(
      (i) => !cancelled && setItem(i),
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [caseId]);

  const store = useMemo(
    () => (item ? new HttpReadStore(caseId, undefined, onlySeries(item.phases.map((p) => p.seriesInstanceUid))) : null),
    [item, caseId],
  );
  useEffect(() => store?.onView(setView), [store]);

  if (error) {
    return (
      <EmptyState title="This case cannot be opened">
        <p className="error" data-testid="reader-case-error">
          {error}
        </p>
        <Link href="/worklist">Back to the worklist</Link>
      </EmptyState>
    );
  }
  if (!item || !store) return <p className="boot">Loading the case…</p>;
  if (item.phases.length === 0) {
    return (
      <EmptyState title={item.caseLabel}>
        <p>No image series is assigned to this case yet; ask the principal investigator.</p>
        <Link href="/worklist">Back to the worklist</Link>
      </EmptyState>
    );
  }
  const saved = view?.content as { lesions?: unknown[] } | undefined;
  return (
    <div data-testid="reader-route" data-case-id={caseId}>
      <div className="rd-route-bar">
        <Link href="/worklist">← Worklist</Link>
        <span className="muted">{item.studyName}</span>
        <ExportMenu readId={view && view.version > 0 ? view.readId : null} hasLesions={(saved?.lesions?.length ?? 0) > 0} />
      </div>
      <ReaderScreen key={caseId} readerCase={readerCaseOf(item)} store={store} source={portalDicomWeb} />
    </div>
  );
}
