import { useEffect, useState } from 'react';
import { Link } from '../kit/router';
import { piApi, type ReaderStudy, type StudyAgreement } from '../api/pi';
import { byDisagreement, progress } from './agreementTables';
import { BlandAltmanPlot } from './BlandAltmanPlot';
import { Breadcrumbs, Panel } from '../kit/Panel';
import { ErrorText } from '../kit/errors';
import { LoadFailed, ProgressBar, StudyStatusChip } from './common';
import { useLoaded } from '../kit/useLoaded';
import { CsvButton } from './CsvButton';
import { DiceHeatmap } from './DiceHeatmap';
import { ml, mm, ratio } from '../kit/format';
import { ReaderCiPlot } from './ReaderCiPlot';
import { piPaths } from './routes';

/** How often the dashboard asks the server again, so new submissions appear without a reload. */
export const POLL_SECONDS = 15;
const DEFAULT_THRESHOLD = 0.7;

/** The PI's agreement dashboard of one reader study. */
export function Dashboard({ studyId }: { studyId: number }) {
  const study = useLoaded(() => piApi.study(studyId), [studyId]);
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [thresholdText, setThresholdText] = useState(DEFAULT_THRESHOLD.toFixed(2));
  const [applied, setApplied] = useState(DEFAULT_THRESHOLD);
  const [includeInProgress, setIncludeInProgress] = useState(false);
  const agreement = useLoaded(
    () => piApi.studyAgreement(studyId, applied, includeInProgress),
    [studyId, applied, includeInProgress],
  );
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  // the table re-flags at once; the server is asked once the PI stops moving the slider
  useEffect(() => {
    const t = window.setTimeout(() => setApplied(threshold), 400);
    return () => window.clearTimeout(t);
  }, [threshold]);

  const reloadAgreement = agreement.reload;
  const reloadStudy = study.reload;
  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        reloadAgreement();
        reloadStudy();
      }
    }, POLL_SECONDS * 1000);
    return () => window.clearInterval(id);
  }, [reloadAgreement, reloadStudy]);

  useEffect(() => {
    if (agreement.data) setUpdatedAt(new Date());
  }, [agreement.data]);

  const setFromText = (text: string) => {
    setThresholdText(text);
    const v = Number(text.replace(',', '.'));
    if (text.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= 1) setThreshold(v);
  };
  const setFromSlider = (v: number) => {
    setThreshold(v);
    setThresholdText(v.toFixed(2));
  };

  if (study.error && !study.data) return <LoadFailed error={study.error} />;
  const s = study.data;
  const a = agreement.data;

  return (
    <div data-testid="dashboard" data-study-id={studyId}>
      <Breadcrumbs
        items={[
          { label: 'Reader studies', href: piPaths.list() },
          { label: s?.name ?? `Study ${studyId}`, href: piPaths.study(studyId) },
          { label: 'Agreement' },
        ]}
      />
      <div className="page-head">
        <h1>
          Agreement — {s?.name ?? '…'} {s && <StudyStatusChip status={s.status} />}
        </h1>
        <div className="actions">
          <span className="muted small" data-testid="refresh-note">
            Refreshes every {POLL_SECONDS} s{updatedAt ? ` · updated ${updatedAt.toLocaleTimeString()}` : ''}
          </span>
          <button
            type="button"
            onClick={() => {
              agreement.reload();
              study.reload();
            }}
            disabled={agreement.loading}
          >
            Refresh now
          </button>
        </div>
      </div>
      <div className="filters">
        <label className="check">
          <input type="checkbox" checked={includeInProgress} onChange={(e) => setIncludeInProgress(e.target.checked)} />
          Include reads still in progress (provisional)
        </label>
      </div>
      <ErrorText error={agreement.error} testId="dashboard-error" />
      {!a && !agreement.error && <p className="muted">Computing agreement…</p>}
      {a && s && (
        <DashboardBody
          study={s}
          a={a}
          threshold={threshold}
          thresholdText={thresholdText}
          includeInProgress={includeInProgress}
          onThresholdText={setFromText}
          onThresholdSlider={setFromSlider}
        />
      )}
    </div>
  );
}

function DashboardBody({
  study,
  a,
  threshold,
  thresholdText,
  includeInProgress,
  onThresholdText,
  onThresholdSlider,
}: {
  study: ReaderStudy;
  a: StudyAgreement;
  threshold: number;
  thresholdText: string;
  includeInProgress: boolean;
  onThresholdText: (t: string) => void;
  onThresholdSlider: (v: number) => void;
}) {
  const csv = (table: 'cases' | 'readers' | 'matrix' | 'bland-altman') => (
    <CsvButton study={study} table={table} outlierBelow={threshold} includeInProgress={includeInProgress} />
  );
  const rows = byDisagreement(a.cases, threshold);
  const flagged = rows.filter((r) => r.flagged).length;
  const labels = new Map(a.cases.map((r) => [r.caseId, r.caseLabel]));
  const noData = a.cases.length === 0;

  return (
    <>
      <Panel title="Submissions" testId="submission-panel">
        <ProgressBar
          progress={progress(a.submittedReads, a.expectedReads)}
          label="Reads submitted of readers × cases"
          testId="submission-progress"
        />
        <p className="muted small">
          {a.submittedReads} of {a.expectedReads} reads submitted ({a.readers.length} readers ×{' '}
          {a.readers.length ? a.expectedReads / a.readers.length : 0} cases).{' '}
          {includeInProgress ? 'Reads in progress are included below.' : 'Only submitted reads count below.'}
        </p>
      </Panel>

      {noData && (
        <p className="empty-state" data-testid="no-agreement">
          No lesion has been {includeInProgress ? 'saved' : 'submitted'} yet. Agreement appears here once readers
          {includeInProgress ? ' save' : ' submit'} contours; a pair needs two readers on the same case.
        </p>
      )}

      <div className="dashboard-grid">
        <Panel title="Reader × reader mean Dice" actions={csv('matrix')} testId="heatmap-panel">
          {a.readers.length < 2 ? (
            <p className="muted">Agreement needs at least two readers.</p>
          ) : (
            <DiceHeatmap readers={a.readers} matrix={a.matrix} />
          )}
        </Panel>

        <Panel title="Per reader: mean Dice with 95 % CI" actions={csv('readers')} testId="readers-panel">
          <table className="data compact" data-testid="reader-summary">
            <thead>
              <tr>
                <th>Reader</th>
                <th className="num">Lesions</th>
                <th className="num">vs others</th>
                <th>95 % CI</th>
                <th className="num">Lesions w/ consensus</th>
                <th className="num">vs consensus</th>
                <th>95 % CI</th>
              </tr>
            </thead>
            <tbody>
              {a.perReader.map((r) => (
                <tr key={r.reader} data-reader={r.reader}>
                  <td>{r.reader}</td>
                  <td className="num">{r.cases}</td>
                  <td className="num">{ratio(r.meanDiceVsOthers)}</td>
                  <td>{ci(r.ciLow, r.ciHigh)}</td>
                  <td className="num">{r.consensusCases}</td>
                  <td className="num">{ratio(r.meanDiceVsConsensus)}</td>
                  <td>{ci(r.consensusCiLow, r.consensusCiHigh)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ReaderCiPlot summaries={a.perReader} />
          <p className="muted small">
            “vs consensus” uses each case’s approved consensus. Intervals need at least two lesions.
          </p>
        </Panel>
      </div>

      <Panel title="Cases by disagreement" actions={csv('cases')} testId="cases-agreement-panel">
        <div className="filters threshold" data-testid="threshold-control">
          <label>
            Outlier when the least-agreeing pair’s Dice is below
            <span className="inline">
              <input
                type="range"
                min={0}
                max={1}
                step={0.01}
                value={threshold}
                aria-label="Outlier threshold (slider)"
                onChange={(e) => onThresholdSlider(Number(e.target.value))}
              />
              <input
                type="number"
                min={0}
                max={1}
                step={0.01}
                value={thresholdText}
                aria-label="Outlier threshold"
                data-testid="threshold-input"
                onChange={(e) => onThresholdText(e.target.value)}
                className="narrow"
              />
            </span>
          </label>
          <span className="muted" data-testid="outlier-count">
            {flagged} of {rows.length} lesion rows flagged
          </span>
        </div>
        {rows.length > 0 && (
          <div className="scroll-x">
            <table className="data" data-testid="case-agreement-table">
              <thead>
                <tr>
                  <th>Case</th>
                  <th>Lesion label</th>
                  <th className="num">Readers</th>
                  <th className="num">Min Dice</th>
                  <th className="num">Mean Dice</th>
                  <th className="num">Mean HD95 (mm)</th>
                  {a.readers.map((r) => (
                    <th key={r} className="num">
                      {r} (mL)
                    </th>
                  ))}
                  <th>Flag</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={`${r.caseId}|${r.label}|${r.seriesInstanceUid}`}
                    className={r.flagged ? 'outlier' : ''}
                    data-testid="case-agreement-row"
                    data-case-id={r.caseId}
                    data-flagged={r.flagged}
                  >
                    <td>
                      <Link href={piPaths.case(study.id, r.caseId)}>{r.caseLabel}</Link>
                    </td>
                    <td>{r.label}</td>
                    <td className="num">{r.readers}</td>
                    <td className="num">{ratio(r.minDice)}</td>
                    <td className="num">{ratio(r.meanDice)}</td>
                    <td className="num">{mm(r.meanHd95)}</td>
                    {a.readers.map((reader) => (
                      <td key={reader} className="num">
                        {reader in r.volumesMl ? ml(r.volumesMl[reader]) : <span className="muted">—</span>}
                      </td>
                    ))}
                    <td>{r.flagged ? <span className="chip outlier-chip">outlier</span> : r.minDice === null ? <span className="muted small">one read</span> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>

      <Panel title="Bland–Altman: reader volumes" actions={csv('bland-altman')} testId="bland-altman-panel">
        {a.blandAltman.length === 0 ? (
          <p className="muted">No reader pair has contoured the same lesion yet.</p>
        ) : (
          <BlandAltmanPlot points={a.blandAltman} pairs={a.blandAltmanPairs} caseLabel={(id) => labels.get(id) ?? `case ${id}`} />
        )}
      </Panel>
    </>
  );
}

function ci(low: number | null, high: number | null): string {
  return low === null || high === null ? '—' : `${ratio(low)} – ${ratio(high)}`;
}
