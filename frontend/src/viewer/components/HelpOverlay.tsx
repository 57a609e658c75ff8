import { helpRows } from '../shortcuts';

export function HelpOverlay({ readOnly, onClose }: { readOnly: boolean; onClose: () => void }) {
  return (
    <div className="dv-help" role="dialog" aria-label="Keyboard shortcuts" data-testid="help-overlay" onClick={onClose}>
      <div className="dv-help-card" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard and mouse</h2>
        <table>
          <tbody>
            {helpRows(readOnly).map((r) => (
              <tr key={r.keys}>
                <th>{r.keys}</th>
                <td>{r.description}</td>
              </tr>
            ))}
            <tr>
              <th>Mouse</th>
              <td>Wheel: scroll · left: active tool · middle: pan · right: zoom · Ctrl+left: window/level</td>
            </tr>
          </tbody>
        </table>
        <button type="button" onClick={onClose} data-testid="help-close">
          Close (Esc)
        </button>
      </div>
    </div>
  );
}
