import type { ViewerSession, ViewerSnapshot } from '../cornerstone/ViewerSession';
import type { PrimaryTool } from '../cornerstone/tools';
import { CT_WINDOW_PRESETS } from '../windowPresets';

const VIEW_TOOLS: { tool: PrimaryTool; label: string; key: string }[] = [
  { tool: 'windowLevel', label: 'W/L', key: 'W' },
  { tool: 'pan', label: 'Pan', key: 'P' },
  { tool: 'zoom', label: 'Zoom', key: 'Z' },
  { tool: 'length', label: 'Length', key: 'L' },
];

const EDIT_TOOLS: { tool: PrimaryTool; label: string; key: string }[] = [
  { tool: 'freehand', label: 'Freehand', key: 'F' },
  { tool: 'spline', label: 'Spline', key: 'S' },
  { tool: 'livewire', label: 'Livewire', key: 'V' },
  { tool: 'brush', label: 'Brush', key: 'B' },
  { tool: 'eraser', label: 'Eraser', key: 'E' },
];

export function Toolbar({ session, snapshot, onHelp }: { session: ViewerSession; snapshot: ViewerSnapshot; onHelp: () => void }) {
  const toolButton = ({ tool, label, key }: { tool: PrimaryTool; label: string; key: string }) => (
    <button
      key={tool}
      type="button"
      className={snapshot.tool === tool ? 'active' : ''}
      aria-pressed={snapshot.tool === tool}
      title={`${label} (${key})`}
      data-testid={`tool-${tool}`}
      onClick={() => session.setTool(tool)}
    >
      {label}
    </button>
  );
  const activePane = snapshot.panes[snapshot.activePane];
  const ct = snapshot.panes.some((p) => p.modality === 'CT');
  return (
    <div className="dv-toolbar" role="toolbar" aria-label="Viewer tools" data-testid="viewer-toolbar">
      <div className="dv-group">{VIEW_TOOLS.map(toolButton)}</div>
      {ct && (
        <div className="dv-group" aria-label="Window presets">
          {CT_WINDOW_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className={activePane?.preset === p.id ? 'active' : ''}
              title={`${p.label} W${p.width}/L${p.center} (${p.key})`}
              data-testid={`preset-${p.id}`}
              onClick={() => session.applyPreset(p.id)}
            >
              {p.label}
            </button>
          ))}
        </div>
      )}
      {!snapshot.readOnly && (
        <div className="dv-group" aria-label="Contouring tools">
          {EDIT_TOOLS.map(toolButton)}
          {(snapshot.tool === 'brush' || snapshot.tool === 'eraser') && (
            <label className="dv-brush" title="Brush radius ([ and ])">
              <input
                type="range"
                min={0.5}
                max={30}
                step={0.5}
                value={snapshot.brushRadiusMm}
                data-testid="brush-radius"
                onChange={(e) => session.setBrushRadius(Number(e.target.value))}
              />
              {snapshot.brushRadiusMm} mm
            </label>
          )}
        </div>
      )}
      {!snapshot.readOnly && (
        <div className="dv-group">
          <button type="button" title="Interpolate the active lesion (I)" data-testid="interpolate" disabled={!snapshot.activeLesionId} onClick={() => session.interpolate()}>
            Interpolate
          </button>
          <button type="button" title="Undo (Ctrl+Z)" data-testid="undo" disabled={!snapshot.canUndo} onClick={() => session.undo()}>
            Undo
          </button>
          <button type="button" title="Redo (Ctrl+Y)" data-testid="redo" disabled={!snapshot.canRedo} onClick={() => session.redo()}>
            Redo
          </button>
          <button type="button" title="Delete the selected contour, or the active lesion's outline on this slice (Delete)" data-testid="delete-selected" onClick={() => session.deleteSelected()}>
            Delete
          </button>
        </div>
      )}
      <div className="dv-group">
        {snapshot.panes.length > 1 && (
          <button type="button" className={snapshot.linked ? 'active' : ''} aria-pressed={snapshot.linked} title="Link scrolling by patient position (K)" data-testid="link-toggle" onClick={() => session.toggleLink()}>
            Link
          </button>
        )}
        <button type="button" className={activePane?.cine ? 'active' : ''} aria-pressed={!!activePane?.cine} title="Cine (Space)" data-testid="cine-toggle" onClick={() => session.toggleCine()}>
          Cine
        </button>
        <button type="button" title="Reset zoom and pan (R)" data-testid="reset-view" onClick={() => session.resetView()}>
          Reset
        </button>
        <button type="button" title="Keyboard shortcuts (?)" data-testid="help-toggle" onClick={onHelp}>
          ?
        </button>
      </div>
    </div>
  );
}
