import { EmptyState } from '../app/Layout';

export function StudiesScreen() {
  return (
    <section data-testid="studies-screen">
      <h1>Reader studies</h1>
      <EmptyState title="No reader studies yet" />
    </section>
  );
}
