import { useEffect, useState } from 'react';
import { board, type BoardListItem } from '../api/board';
import { EmptyState } from '../kit/states';
import { Link, usePath } from '../kit/router';
import { boardCardRoute } from '../modelCard/modelCard';
import { BoardCaseScreen } from './BoardCaseScreen';
import { ModelCardScreen } from './ModelCardScreen';

/** Tumour board: the cases the PI released, one case at /board/{caseId}, a model card at /board/models/{id}/{version}. */
export function BoardScreen() {
  const path = usePath();
  const card = boardCardRoute(path);
  if (card) return <ModelCardScreen key={`${card.id} ${card.version}`} id={card.id} version={card.version} />;
  const match = /^\/board\/(\d+)$/.exec(path);
  if (match) return <BoardCaseScreen caseId={Number(match[1])} />;
  return <BoardList />;
}

function BoardList() {
  const [items, setItems] = useState<BoardListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    board.list().then(setItems, (e: Error) => setError(e.message));
  }, []);
  return (
    <section data-testid="board-screen">
      <h1>Tumour board</h1>
      {error && <p className="error">{error}</p>}
      {items && items.length === 0 && <EmptyState title="No cases have been released to the board" />}
      {items && items.length > 0 && (
        <table className="data" data-testid="board-list">
          <thead>
            <tr>
              <th>Case</th>
              <th>Study</th>
              <th>Released</th>
              <th>Decision</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.caseId} data-case-id={i.caseId}>
                <td>
                  <Link href={`/board/${i.caseId}`}>{i.caseLabel}</Link>
                </td>
                <td>{i.studyName}</td>
                <td>
                  {new Date(i.releasedAt).toLocaleString()} by {i.releasedBy}
                </td>
                <td>{i.latestGrade ? `${i.latestGrade} (${new Date(i.decidedAt!).toLocaleDateString()})` : 'pending'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
