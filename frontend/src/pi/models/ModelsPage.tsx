import { featuresApi } from '../../api/features';
import { modelsApi } from '../../api/models';
import { piApi } from '../../api/pi';
import { Breadcrumbs, Panel } from '../../kit/Panel';
import { ErrorText } from '../../kit/errors';
import { LoadFailed, StudyStatusChip } from '../common';
import { useLoaded } from '../../kit/useLoaded';
import { piPaths } from '../routes';
import { EvaluationPanel } from './EvaluationPanel';
import { ModelList } from './ModelList';
import { TrainPanel } from './TrainPanel';

/** Grade models for one study: the registry with cards, training on the study, evaluation of any model on it. */
export function ModelsPage({ studyId }: { studyId: number }) {
  const study = useLoaded(() => piApi.study(studyId), [studyId]);
  const models = useLoaded(() => modelsApi.list(), []);
  const jobs = useLoaded(() => featuresApi.jobs(studyId), [studyId]);

  if (study.error && !study.data) return <LoadFailed error={study.error} />;
  const s = study.data;
  return (
    <div data-testid="models-page" data-study-id={studyId}>
      <Breadcrumbs
        items={[
          { label: 'Reader studies', href: piPaths.list() },
          { label: s?.name ?? `Study ${studyId}`, href: piPaths.study(studyId) },
          { label: 'Models' },
        ]}
      />
      <div className="page-head">
        <h1>
          Grade models — {s?.name ?? '…'} {s && <StudyStatusChip status={s.status} />}
        </h1>
      </div>
      <p className="muted">
        Every model here is for research: its predictions are shown with its card, and none is a medical device.
        Predict on a single case from the case’s review page.
      </p>
      <Panel title={`Registered models (${models.data?.length ?? 0})`} testId="models-panel">
        <ErrorText error={models.error} />
        {models.data && <ModelList models={models.data} />}
      </Panel>
      <TrainPanel studyId={studyId} jobs={jobs.data ?? []} onTrained={models.reload} />
      {models.data && models.data.length > 0 && <EvaluationPanel studyId={studyId} models={models.data} />}
    </div>
  );
}
