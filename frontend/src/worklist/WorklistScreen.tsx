import { EmptyState } from '../app/Layout';

export function WorklistScreen() {
  return (
    <section data-testid="worklist-screen">
      <h1>Worklist</h1>
      <EmptyState title="No cases are assigned to you">
        <p>When a principal investigator assigns you to a reader study, its cases appear here.</p>
      </EmptyState>
    </section>
  );
}
