import { EmptyState } from '../kit/states';
import { Link, usePath } from '../kit/router';
import { CaseReview } from './CaseReview';
import { ConsensusEditor } from './ConsensusEditor';
import { Dashboard } from './Dashboard';
import { FeaturesPage } from './features/FeaturesPage';
import { ModelsPage } from './models/ModelsPage';
import { piPaths, piRoute } from './routes';
import { StudyForm } from './StudyForm';
import { StudyList } from './StudyList';
import { StudyPage } from './StudyPage';

/** The principal investigator's screens, mounted at /studies; routes its own sub-paths. */
export function StudiesScreen() {
  const route = piRoute(usePath());
  return (
    <section data-testid="studies-screen" className="pi">
      {(() => {
        switch (route.screen) {
          case 'list':
            return <StudyList />;
          case 'new':
            return <StudyForm />;
          case 'edit':
            return <StudyForm key={`edit-${route.studyId}`} studyId={route.studyId} />;
          case 'study':
            return <StudyPage key={route.studyId} studyId={route.studyId} />;
          case 'dashboard':
            return <Dashboard key={route.studyId} studyId={route.studyId} />;
          case 'features':
            return <FeaturesPage key={route.studyId} studyId={route.studyId} />;
          case 'models':
            return <ModelsPage key={route.studyId} studyId={route.studyId} />;
          case 'case':
            return <CaseReview key={`${route.studyId}/${route.caseId}`} studyId={route.studyId} caseId={route.caseId} />;
          case 'consensus-edit':
            return <ConsensusEditor key={`${route.caseId}/${route.version}`} studyId={route.studyId} caseId={route.caseId} version={route.version} />;
          default:
            return (
              <EmptyState title="Page not found">
                <p>
                  <Link href={piPaths.list()}>Back to the reader studies</Link>
                </p>
              </EmptyState>
            );
        }
      })()}
    </section>
  );
}
