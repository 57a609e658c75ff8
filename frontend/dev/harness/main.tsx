import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/styles.css';
import { ReaderScreen } from '../../src/reading';
import { SeriesViewer } from '../../src/viewer';
import { LocalReadStore } from './localReadStore';
import type { PhaseSpec } from '../../src/viewer';
import { discoverSeries, type HarnessSeries } from './discover';

/**
 * Dev-only harness page. Query parameters:
 *   mode=viewer (default) | readonly | reader      what to show
 *   phases=1|2                                    how many series side by side (default 2 when available)
 *   case=<id>                                     reader mode: localStorage key of the read (default "demo")
 *   latency=<ms>                                  reader mode: simulated store latency
 */
const params = new URLSearchParams(window.location.search);
const ROOT = '/dicom-web';
let tokenCount = 0;
// Orthanc runs without authentication here; a token is still sent so tests can check every request carries one.
const token = async () => `dev-token-${++tokenCount}`;
const LABELS = ['primary tumour', 'liver metastasis', 'lymph node'];

const stores = new Map<string, LocalReadStore>();
function store(caseId: string): LocalReadStore {
  if (!stores.has(caseId)) stores.set(caseId, new LocalReadStore(`delineo-dev-read:${caseId}`, Number(params.get('latency') ?? 0)));
  return stores.get(caseId)!;
}

function Harness() {
  const [series, setSeries] = useState<HarnessSeries[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    token()
      .then((t) => discoverSeries(ROOT, t))
      .then(setSeries, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p className="error">{error}</p>;
  if (!series) return <p className="boot">Finding the demo series…</p>;
  if (series.length === 0) return <p className="error">The dev Orthanc holds no series: run dev/orthanc/load-demo.sh</p>;
  const count = Math.min(Number(params.get('phases') ?? 2), series.length);
  const study = series[0].studyInstanceUid;
  const phases: PhaseSpec[] = series
    .filter((s) => s.studyInstanceUid === study)
    .slice(0, count)
    .map((s, n) => ({ seriesInstanceUid: s.seriesInstanceUid, label: n === 0 ? 'arterial' : n === 1 ? 'portal venous*' : `phase ${n + 1}` }));
  // * the extra "phases" are derived from the same CT (6 mm, 9 mm): see dev/orthanc/make-derived-phase.py
  const mode = params.get('mode') ?? 'viewer';
  if (mode === 'reader') {
    const caseId = params.get('case') ?? 'demo';
    return (
      <main style={{ padding: 8 }}>
        <ReaderScreen
          readerCase={{ caseId, title: `Case ${caseId} (dev harness)`, studyInstanceUid: study, phases, lesionLabels: LABELS }}
          store={store(caseId)}
          source={{ root: ROOT, token }}
          autosaveDebounceMs={Number(params.get('debounce') ?? 1000)}
        />
      </main>
    );
  }
  return (
    <main style={{ padding: 8 }}>
      <SeriesViewer source={{ root: ROOT, token }} studyInstanceUid={study} phases={phases} readOnly={mode === 'readonly'} lesionLabels={LABELS} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
