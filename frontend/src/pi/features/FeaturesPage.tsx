import { useEffect, useState } from 'react';
import { featuresApi, type FeatureJob } from '../../api/features';
import { piApi } from '../../api/pi';
import { Breadcrumbs, Panel } from '../../kit/Panel';
import { ErrorText } from '../../kit/errors';
import { LoadFailed, ProgressBar, StudyStatusChip } from '../common';
import { useLoaded } from '../../kit/useLoaded';
import { dateTime } from '../../kit/format';
import { piPaths } from '../routes';
import { featuresCsvFileName, saveBlob } from './featureCsv';
import { RobustnessPanel } from './RobustnessPanel';
import { isFinished, jobProgress, jobSummary, settingsChoices } from './robustness';
import { describeSettings } from '../../kit/settingsText';
import { SettingsForm } from './SettingsForm';
import { useAction } from '../../kit/useAction';

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 1000;

/** Radiomics of one reader study: run a feature job, follow it, download the features, judge their robustness. */
export function FeaturesPage({ studyId }: { studyId: number }) {
  const study = useLoaded(() => piApi.study(studyId), [studyId]);
  const jobs = useLoaded(() => featuresApi.jobs(studyId), [studyId]);
  const [active, setActive] = useState<FeatureJob | null>(null);
  const [hash, setHash] = useState<string | null>(null);

  // follow the newest job while it runs (also one started before the page was opened)
  const newest = jobs.data?.[0] ?? null;
  useEffect(() => {
    if (newest && !isFinished(newest) && (active === null || active.id < newest.id)) setActive(newest);
  }, [newest, active]);

  const reloadJobs = jobs.reload;
  const activeId = active && !isFinished(active) ? active.id : null;
  useEffect(() => {
    if (activeId === null) return;
    let stopped = false;
    const timer = window.setInterval(() => {
      featuresApi.job(studyId, activeId).then(
        (j) => {
          if (stopped) return;
          setActive(j);
          if (isFinished(j)) {
            reloadJobs();
            setHash(j.settingsHash);
          }
        },
        () => undefined, // a failed poll is retried on the next tick
      );
    }, JOB_POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [studyId, activeId, reloadJobs]);

  const choices = settingsChoices(jobs.data ?? []);
  const shownHash = hash ?? choices[0]?.hash ?? null;

  const run = async (json: string) => {
    const job = await featuresApi.start(studyId, json);
    setActive(job);
    jobs.reload();
  };

  if (study.error && !study.data) return <LoadFailed error={study.error} />;
  const s = study.data;
  const running = active !== null && !isFinished(active);

  return (
    <div data-testid="features-page" data-study-id={studyId}>
      <Breadcrumbs
        items={[
          { label: 'Reader studies', href: piPaths.list() },
          { label: s?.name ?? `Study ${studyId}`, href: piPaths.study(studyId) },
          { label: 'Features' },
        ]}
      />
      <div className="page-head">
        <h1>
          Radiomics features — {s?.name ?? '…'} {s && <StudyStatusChip status={s.status} />}
        </h1>
      </div>
      <p className="muted">
        A job computes IBSI features for every case and phase: the approved consensus ROI and each reader’s submitted
        read, per lesion label. ROIs already computed with the same settings are skipped, so run it again after more
        reads arrive.
      </p>

      <Panel title="Settings" testId="settings-panel">
        <SettingsForm running={running} onRun={run} />
      </Panel>

      {active && (
        <JobPanel
          job={active}
          onChange={(j) => {
            setActive(j);
            jobs.reload();
          }}
        />
      )}

      <Panel title={`Jobs (${jobs.data?.length ?? 0})`} testId="jobs-panel">
        <ErrorText error={jobs.error} />
        {jobs.data && jobs.data.length === 0 && <p className="muted">No feature job has been run for this study.</p>}
        {jobs.data && jobs.data.length > 0 && <JobTable jobs={jobs.data} />}
      </Panel>

      {s && shownHash && (
        <Results
          key={shownHash}
          study={s}
          hash={shownHash}
          choices={choices.map((c) => ({ hash: c.hash, label: describeSettings(c.job.settings) }))}
          onHash={setHash}
          refreshKey={jobs.data?.map((j) => `${j.id}:${j.status}`).join(',') ?? ''}
        />
      )}
    </div>
  );
}

function JobPanel({ job, onChange }: { job: FeatureJob; onChange: (job: FeatureJob) => void }) {
  const { busy, error, run } = useAction();
  const act = (action: typeof featuresApi.cancel) => run(async () => onChange(await action(job.studyId, job.id)));
  const cases = job.cases;
  return (
    <Panel title={`Job ${job.id}`} testId="job-panel">
      {cases && (
        <div className="small" data-testid="job-cases" data-done={cases.done} data-failed={cases.failed} data-total={cases.total}>
          Cases: {cases.done} done · {cases.failed} failed · {cases.cancelled} cancelled of {cases.total}{' '}
          {!isFinished(job) && (
            <button type="button" onClick={() => void act(featuresApi.cancel)} disabled={busy} data-testid="cancel-job">
              Cancel
            </button>
          )}
          {isFinished(job) && cases.failed > 0 && (
            <button type="button" onClick={() => void act(featuresApi.retry)} disabled={busy} data-testid="retry-job">
              Retry failed cases
            </button>
          )}
          <ErrorText error={error} />
        </div>
      )}
      <div data-testid="job-status" data-status={job.status} data-job-id={job.id}>
        <ProgressBar progress={jobProgress(job)} label={`ROIs handled by job ${job.id}`} testId="job-progress" />
        <p className="small">
          <span className={`chip job-${job.status.toLowerCase()}`}>{job.status.toLowerCase()}</span> {jobSummary(job)}
          {job.finishedAt && ` · finished ${dateTime(job.finishedAt)}`}
        </p>
        <p className="muted small">
          Settings {job.settingsHash.slice(0, 12)}… — {describeSettings(job.settings)}
        </p>
      </div>
      {job.errors.length > 0 && (
        <div data-testid="job-errors">
          <p className="warn small">{job.errors.length} ROI{job.errors.length === 1 ? '' : 's'} could not be computed:</p>
          <ul className="problems small">
            {job.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}

function JobTable({ jobs }: { jobs: FeatureJob[] }) {
  return (
    <table className="data compact" data-testid="jobs-table">
      <thead>
        <tr>
          <th>Job</th>
          <th>Status</th>
          <th>ROIs</th>
          <th>Settings</th>
          <th>Started</th>
          <th>Finished</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.id} data-job-id={j.id} data-status={j.status}>
            <td>{j.id}</td>
            <td>
              <span className={`chip job-${j.status.toLowerCase()}`}>{j.status.toLowerCase()}</span>
            </td>
            <td className="small">
              {j.done} computed · {j.skipped} skipped · {j.failed} failed / {j.total}
              {j.errors.length > 0 && (
                <details>
                  <summary className="warn">{j.errors.length} errors</summary>
                  <ul className="problems">
                    {j.errors.map((e, i) => (
                      <li key={i}>{e}</li>
                    ))}
                  </ul>
                </details>
              )}
            </td>
            <td className="small">
              <span className="mono" title={j.settingsHash}>
                {j.settingsHash.slice(0, 12)}…
              </span>{' '}
              {describeSettings(j.settings)}
            </td>
            <td className="small">
              {dateTime(j.createdAt)} by {j.createdBy}
            </td>
            <td className="small">{dateTime(j.finishedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Results({
  study,
  hash,
  choices,
  onHash,
  refreshKey,
}: {
  study: { id: number; name: string };
  hash: string;
  choices: { hash: string; label: string }[];
  onHash: (hash: string) => void;
  refreshKey: string;
}) {
  const robustness = useLoaded(() => featuresApi.robustness(study.id, hash), [study.id, hash, refreshKey]);
  const { busy, error: csvError, run } = useAction();

  const download = () => run(async () => saveBlob(await featuresApi.csv(study.id, hash), featuresCsvFileName(study, hash)));

  return (
    <>
      <Panel
        title="Results"
        testId="results-panel"
        actions={
          <button type="button" onClick={() => void download()} disabled={busy} data-testid="features-csv">
            Download features CSV
          </button>
        }
      >
        <div className="filters">
          <label>
            Settings
            <select value={hash} onChange={(e) => onHash(e.target.value)} data-testid="settings-choice">
              {choices.map((c) => (
                <option key={c.hash} value={c.hash}>
                  {c.hash.slice(0, 12)}… — {c.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted small">
          The CSV has one row per case × phase × ROI (consensus or reader) × lesion label and one column per feature
          (IBSI codes; aggregation and filter in the column name), with the settings hash and software version.
        </p>
        <ErrorText error={csvError} testId="csv-error" />
      </Panel>
      <ErrorText error={robustness.error} />
      {robustness.data && <RobustnessPanel studyId={study.id} robustness={robustness.data} onSelected={robustness.reload} />}
    </>
  );
}
