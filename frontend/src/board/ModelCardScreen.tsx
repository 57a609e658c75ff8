import { modelsApi } from '../api/models';
import { Link } from '../kit/router';
import { useLoaded } from '../kit/useLoaded';
import { ModelCardView, ResearchOnlyBadge } from '../modelCard/ModelCardView';

/** The card of a model whose predictions the board sees: /board/models/{id}/{version}. */
export function ModelCardScreen({ id, version }: { id: string; version: string }) {
  const card = useLoaded(() => modelsApi.card(id, version), [id, version]);
  return (
    <section data-testid="board-model-card" className="model-card-screen">
      <p>
        <Link href="/board">← Board</Link> <span className="muted small">(the browser’s Back returns to the case)</span>
      </p>
      <h1>
        Model card: {id} {version}
        {card.data?.researchUseOnly && <ResearchOnlyBadge />}
      </h1>
      {card.error && <p className="error">{card.error}</p>}
      {!card.data && !card.error && <p className="muted">Loading…</p>}
      {card.data && <ModelCardView card={card.data} />}
    </section>
  );
}
