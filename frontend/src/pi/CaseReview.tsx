import { useState } from 'react';
import { piApi, type LesionAgreement, type ReadView, type StudyCase } from '../api/pi';
import { Breadcrumbs, Panel } from '../kit/Panel';
import { ErrorText } from '../kit/errors';
import { LoadFailed, ReadChip, StudyStatusChip } from './common';
import { useLoaded } from '../kit/useLoaded';
import { CaseViewer } from './CaseViewer';
import { ConsensusPanel } from './ConsensusPanel';
import { dateTime, ml, mm, ratio, signed, sliceRange, uidTail } from '../kit/format';
import { CaseGradingPanel } from './models/CaseGradingPanel';
import { PathologyForm } from './PathologyForm';
import { orderedPhases, phaseLabel } from '../kit/phases';
import { piPaths } from './routes';
import { useAction } from '../kit/useAction';

/** One case: the readers' agreement per lesion label, their reads, the consensus, and the pathology reference. */
export function CaseReview({ studyId, caseId }: { studyId: number; caseId: number }) {
  const study = useLoaded(() => piApi.study(studyId), [studyId]);
  const cases = useLoaded(() => piApi.cases(studyId), [studyId]);
  const [includeInProgress, setIncludeInProgress] = useState(false);
  const agreement = useLoaded(() => piApi.caseAgreement(caseId, includeInProgress), [caseId, includeInProgress]);
  const reads = useLoaded(() => piApi.reads(caseId), [caseId]);
  const [consensusChanged, setConsensusChanged] = useState(0);

  const c: StudyCase | undefined = cases.data?.find((x) => x.id === caseId);
  const s = study.data;
  if (study.error && !s) return <LoadFailed error={study.error} />;
  if (cases.data && !c) {
    return <LoadFailed error={`Study ${studyId} has no case ${caseId}; it may have been removed.`} />;
  }

  const afterReadChange = () => {
    reads.reload();
    agreement.reload();
    cases.reload();
  };

  return (
    <div data-testid="case-review" data-case-id={caseId}>
      <Breadcrumbs
        items={[
          { label: 'Reader studies', href: piPaths.list() },
          { label: s?.name ?? `Study ${studyId}`, href: piPaths.study(studyId) },
          { label: c?.label ?? `Case ${caseId}` },
        ]}
      />
      <div className="page-head">
        <h1>
          {c?.label ?? `Case ${caseId}`} {s && <StudyStatusChip status={s.status} />}
        </h1>
      </div>
      {c && (
        <p className="muted small">
          Archive study <span className="mono" title={c.studyInstanceUid}>{uidTail(c.studyInstanceUid, 16)}</span> ·{' '}
          {orderedPhases(Object.keys(c.series))
            .map((p) => phaseLabel(p))
            .join(' · ')}
        </p>
      )}

      <div className="case-layout">
        {/* the read-only viewer: each reader's contours, all overlaid, or a consensus version; and contour import */}
        <div
          data-testid="case-viewer-slot"
          className="viewer-slot"
          data-case-id={caseId}
          data-study-instance-uid={c?.studyInstanceUid}
          data-series={c ? JSON.stringify(c.series) : undefined}
        >
          {c && s && (
            <CaseViewer
              caseId={caseId}
              studyInstanceUid={c.studyInstanceUid}
              series={c.series}
              lesionLabels={s.lesionLabels}
              readers={s.readers}
              reads={reads.data}
              consensusChanged={consensusChanged}
              onImported={afterReadChange}
            />
          )}
        </div>

        <div className="case-side">
          <ReadsPanel caseId={caseId} reads={reads.data} error={reads.error} readers={s?.readers ?? []} onChanged={afterReadChange} />
        </div>
      </div>

      <Panel
        title="Agreement per lesion label"
        testId="case-agreement"
        actions={
          <label className="check">
            <input type="checkbox" checked={includeInProgress} onChange={(e) => setIncludeInProgress(e.target.checked)} />
            include reads in progress
          </label>
        }
      >
        <ErrorText error={agreement.error} />
        {agreement.data && agreement.data.lesions.length === 0 && (
          <p className="muted" data-testid="no-lesions">
            No {includeInProgress ? 'saved' : 'submitted'} read has a lesion on this case yet.
          </p>
        )}
        {agreement.data?.lesions.map((l) => (
          <LesionSection key={`${l.label}|${l.seriesInstanceUid}`} lesion={l} />
        ))}
      </Panel>

      <ConsensusPanel
        studyId={studyId}
        caseId={caseId}
        reads={reads.data ?? []}
        onChanged={() => {
          agreement.reload();
          setConsensusChanged((n) => n + 1);
        }}
      />

      <Panel title="Pathology reference" testId="case-pathology">
        <PathologyForm caseId={caseId} onSaved={cases.reload} />
      </Panel>

      <CaseGradingPanel caseId={caseId} />
    </div>
  );
}

function ReadsPanel({
  caseId,
  reads,
  error,
  readers,
  onChanged,
}: {
  caseId: number;
  reads: ReadView[] | null;
  error: string | null;
  readers: string[];
  onChanged: () => void;
}) {
  const { busyWith: busy, error: reopenError, run } = useAction();
  const reopen = (reader: string) =>
    run(async () => {
      await piApi.reopenRead(caseId, reader);
      onChanged();
    }, { what: reader });
  const byReader = new Map((reads ?? []).map((r) => [r.reader, r]));
  const names = [...new Set([...readers, ...(reads ?? []).map((r) => r.reader)])];
  return (
    <Panel title="Reads" testId="reads-panel">
      <ErrorText error={error} />
      <ErrorText error={reopenError} testId="reopen-error" />
      <table className="data compact" data-testid="reads-table">
        <thead>
          <tr>
            <th>Reader</th>
            <th>Status</th>
            <th className="num">Version</th>
            <th className="num">Lesions</th>
            <th>Saved</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const r = byReader.get(name);
            const contours = r?.content?.lesions.reduce((n, l) => n + l.contours.length, 0) ?? 0;
            return (
              <tr key={name} data-reader={name}>
                <td>{name}</td>
                <td>
                  <ReadChip status={r && r.version > 0 ? r.status : 'NOT_STARTED'} reader={name} />
                </td>
                <td className="num">{r?.version ?? 0}</td>
                <td className="num" title={`${contours} contours`}>
                  {r?.content?.lesions.length ?? 0}
                </td>
                <td className="small">
                  {r?.submittedAt ? `submitted ${dateTime(r.submittedAt)}` : r?.updatedAt ? dateTime(r.updatedAt) : '—'}
                </td>
                <td>
                  {r?.status === 'SUBMITTED' && (
                    <button
                      type="button"
                      onClick={() => void reopen(name)}
                      disabled={busy !== null}
                      title="The reader can edit again; agreement counts the read once it is resubmitted"
                    >
                      Reopen
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Panel>
  );
}

function LesionSection({ lesion: l }: { lesion: LesionAgreement }) {
  return (
    <section className="lesion" data-testid="lesion-agreement" data-label={l.label}>
      <h3>
        {l.label}{' '}
        <span className="muted small mono" title={l.seriesInstanceUid}>
          series {uidTail(l.seriesInstanceUid)}
        </span>
      </h3>
      <p className="muted small">
        mean Dice {ratio(l.meanDice)} · min Dice {ratio(l.minDice)} · generalised conformity {ratio(l.generalizedConformity)}
        {l.consensusVersion !== null && ` · compared with approved consensus v${l.consensusVersion}`}
      </p>
      <div className="lesion-tables">
        <table className="data compact" data-testid="reader-volumes">
          <thead>
            <tr>
              <th>Reader</th>
              <th className="num">Read version</th>
              <th>Status</th>
              <th className="num">Volume (mL)</th>
              <th>Slices</th>
            </tr>
          </thead>
          <tbody>
            {l.readers.map((r) => (
              <tr key={r.reader} data-reader={r.reader}>
                <td>{r.reader}</td>
                <td className="num">v{r.readVersion}</td>
                <td>
                  <ReadChip status={r.status} reader={r.reader} />
                </td>
                <td className="num">{ml(r.volumeMl)}</td>
                <td>{sliceRange(r.firstSlice, r.lastSlice)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {l.pairs.length === 0 ? (
          <p className="muted">One read only: no pair to compare.</p>
        ) : (
          <table className="data compact" data-testid="pair-table">
            <thead>
              <tr>
                <th>Pair</th>
                <th className="num">Dice</th>
                <th className="num">Jaccard</th>
                <th className="num">HD (mm)</th>
                <th className="num">HD95 (mm)</th>
                <th className="num">MSD (mm)</th>
                <th className="num">Vol. a − b (mL)</th>
                <th className="num">Vol. diff (% of a)</th>
              </tr>
            </thead>
            <tbody>
              {l.pairs.map((p) => (
                <tr key={`${p.a}|${p.b}`} data-testid="pair-row" data-pair={`${p.a}|${p.b}`}>
                  <td>
                    {p.a} – {p.b}
                  </td>
                  <td className="num">{ratio(p.dice)}</td>
                  <td className="num">{ratio(p.jaccard)}</td>
                  <td className="num">{mm(p.hd)}</td>
                  <td className="num">{mm(p.hd95)}</td>
                  <td className="num">{mm(p.msd)}</td>
                  <td className="num">{signed(p.volumeDiffMl, 2)}</td>
                  <td className="num">{signed(p.volumeDiffPercent, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {l.versusConsensus.length > 0 && (
          <table className="data compact" data-testid="versus-consensus">
            <thead>
              <tr>
                <th>Reader vs consensus v{l.consensusVersion}</th>
                <th className="num">Dice</th>
                <th className="num">HD95 (mm)</th>
                <th className="num">MSD (mm)</th>
              </tr>
            </thead>
            <tbody>
              {l.versusConsensus.map((v) => (
                <tr key={v.reader}>
                  <td>{v.reader}</td>
                  <td className="num">{ratio(v.dice)}</td>
                  <td className="num">{mm(v.hd95)}</td>
                  <td className="num">{mm(v.msd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
