import { useMemo } from 'react';
import { piApi } from '../api/pi';
import { Link, navigate } from '../kit/router';
import { portalDicomWeb } from '../reading/portalSource';
import { ReaderScreen, type ReadWording } from '../reading/ReaderScreen';
import { onlySeries } from '../reading/serverRead';
import type { CanonicalRead } from '../viewer/canonical';
import { Breadcrumbs } from '../kit/Panel';
import { LoadFailed } from './common';
import { useLoaded } from '../kit/useLoaded';
import { ConsensusDraftStore } from './ConsensusDraftStore';
import { orderedPhases, phaseLabel } from '../kit/phases';
import { piPaths } from './routes';

const CONSENSUS_WORDING: ReadWording = {
  loading: 'Loading the consensus…',
  loadFailed: 'The consensus could not be loaded',
  saved: 'Draft kept in this tab',
  submitted: 'Saved as a new consensus version — read-only',
  submitButton: 'Save as new consensus version…',
  dialog: {
    title: 'Save the edited consensus?',
    text: 'It becomes a new consensus version, not approved yet; the version you started from stays as it is.',
    confirm: 'Save new version',
    busy: 'Saving…',
  },
};

/** The PI edits a consensus version in the viewer with the reader's tools; saving makes a new EDITED version. */
export function ConsensusEditor({ studyId, caseId, version }: { studyId: number; caseId: number; version: number }) {
  const study = useLoaded(() => piApi.study(studyId), [studyId]);
  const cases = useLoaded(() => piApi.cases(studyId), [studyId]);
  const c = cases.data?.find((x) => x.id === caseId);
  const phases = useMemo(
    () => (c ? orderedPhases(Object.keys(c.series)).map((p) => ({ seriesInstanceUid: c.series[p]!, label: phaseLabel(p) })) : []),
    [c],
  );
  const store = useMemo(
    () =>
      c
        ? new ConsensusDraftStore(
            caseId,
            version,
            {
              consensus: piApi.consensus,
              createEdited: (id: number, content: CanonicalRead, basedOn: number) => piApi.createEditedConsensus(id, content, basedOn),
            },
            window.sessionStorage,
            onlySeries(phases.map((p) => p.seriesInstanceUid)),
          )
        : null,
    [c, caseId, version, phases],
  );

  if (study.error || cases.error) return <LoadFailed error={(study.error ?? cases.error)!} />;
  if (cases.data && !c) return <LoadFailed error={`Study ${studyId} has no case ${caseId}; it may have been removed.`} />;
  if (!study.data || !c || !store) return <p className="boot">Loading the case…</p>;
  return (
    <div data-testid="consensus-editor" data-case-id={caseId} data-version={version}>
      <Breadcrumbs
        items={[
          { label: 'Reader studies', href: piPaths.list() },
          { label: study.data.name, href: piPaths.study(studyId) },
          { label: c.label, href: piPaths.case(studyId, caseId) },
          { label: `Edit consensus v${version}` },
        ]}
      />
      <p className="muted small">
        Editing consensus version {version}. Changes stay in this tab until you save them as a new version;{' '}
        <Link href={piPaths.case(studyId, caseId)}>back to the case</Link> leaves the stored versions untouched.
      </p>
      <ReaderScreen
        readerCase={{
          caseId: String(caseId),
          title: `${c.label} — consensus`,
          studyInstanceUid: c.studyInstanceUid,
          phases,
          lesionLabels: study.data.lesionLabels,
        }}
        store={store}
        source={portalDicomWeb}
        wording={CONSENSUS_WORDING}
        onSubmitted={() => navigate(piPaths.case(studyId, caseId))}
      />
    </div>
  );
}
