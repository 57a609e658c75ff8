import { EmptyState } from '../app/Layout';

export function BoardScreen() {
  return (
    <section data-testid="board-screen">
      <h1>Tumour board</h1>
      <EmptyState title="No cases have been released to the board" />
    </section>
  );
}
