import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CanonicalRead } from '../canonical';
import type { DicomWebSource } from '../cornerstone/dicomWebSeries';
import { ViewerSession, type LoadTiming, type PhaseSpec } from '../cornerstone/ViewerSession';
import { commandForKey, type ViewerCommand } from '../shortcuts';
import { HelpOverlay } from './HelpOverlay';
import { LesionPanel } from './LesionPanel';
import { Toolbar } from './Toolbar';
import { ViewportPane } from './ViewportPane';
import { useViewerSnapshot } from './useViewerSnapshot';
import { exposeTestApi } from './testApi';

export interface SeriesViewerProps {
  source: DicomWebSource;
  studyInstanceUid: string;
  /** One viewport per phase, side by side. */
  phases: readonly PhaseSpec[];
  readOnly: boolean;
  lesionLabels: readonly string[];
  /** A read to show (read-only screens) or to continue (reader); applied once the series have loaded. */
  initialRead?: CanonicalRead | null;
  onReadChange?: (read: CanonicalRead) => void;
  onTiming?: (timing: LoadTiming) => void;
  /** The session, once it exists (for the reader screen: reload after conflicts, final read on submit). */
  onSession?: (session: ViewerSession | null) => void;
  /** Extra content at the top of the side panel (e.g. save status). */
  sidePanel?: ReactNode;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable || !!el.closest('[role="dialog"]:not([data-testid="help-overlay"])'));
}

/** The Delineo viewer: phases side by side, tools, lesion panel, keyboard shortcuts (? lists them). */
export function SeriesViewer(props: SeriesViewerProps) {
  const { source, studyInstanceUid, phases, readOnly, lesionLabels } = props;
  const elements = useRef<(HTMLDivElement | null)[]>([]);
  const [session, setSession] = useState<ViewerSession | null>(null);
  const [help, setHelp] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const snapshot = useViewerSnapshot(session);
  const callbacks = useRef(props);
  callbacks.current = props;
  const phaseKey = phases.map((p) => `${p.seriesInstanceUid}:${p.label}`).join('|');

  useEffect(() => {
    const els = elements.current.slice(0, phases.length);
    if (els.some((e) => !e)) return;
    const s = new ViewerSession(
      {
        source,
        studyInstanceUid,
        phases,
        readOnly,
        lesionLabels,
        onReadChange: (read) => callbacks.current.onReadChange?.(read),
        onTiming: (t) => callbacks.current.onTiming?.(t),
      },
      els as HTMLDivElement[],
    );
    setSession(s);
    callbacks.current.onSession?.(s);
    const unexpose = exposeTestApi(s);
    let cancelled = false;
    s.start()
      .then(async () => {
        const initial = callbacks.current.initialRead;
        if (!cancelled && initial) await s.loadRead(initial);
      })
      .catch((e: unknown) => {
        if (!cancelled) setLoadError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
      unexpose();
      callbacks.current.onSession?.(null);
      s.destroy();
      setSession(null);
    };
    // the session is rebuilt only when what is shown changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.root, studyInstanceUid, phaseKey, readOnly, lesionLabels.join('|')]);

  useEffect(() => {
    if (!session) return;
    const run = (c: ViewerCommand) => {
      const pane = session.getSnapshot().activePane;
      switch (c.type) {
        case 'tool': return session.setTool(c.tool);
        case 'preset': return session.applyPreset(c.preset);
        case 'resetWindow': return session.resetWindow();
        case 'resetView': return session.resetView();
        case 'slice': return session.scroll(pane, c.delta);
        case 'sliceEdge': return session.sliceToEdge(pane, c.edge);
        case 'cine': return session.toggleCine();
        case 'link': return session.toggleLink();
        case 'nextPane': return session.nextPane();
        case 'newLesion': return void session.newLesion();
        case 'nextLesion': return session.nextLesion(c.delta);
        case 'interpolate': return session.interpolate();
        case 'deleteSelected': return session.deleteSelected();
        case 'undo': return session.undo();
        case 'redo': return session.redo();
        case 'brushSize': return session.setBrushRadius(session.getSnapshot().brushRadiusMm + c.delta);
        case 'help': return setHelp((h) => !h);
        case 'escape':
          setHelp(false);
          return session.cancelDrawing();
      }
    };
    const onKey = (e: KeyboardEvent) => {
      // (Cornerstone's own key listener marks every key on a viewport as handled, so defaultPrevented says nothing)
      if (isTyping(e.target)) return;
      const command = commandForKey(e, readOnly);
      if (!command) return;
      e.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, readOnly]);

  return (
    <div className="dv-viewer" data-testid="viewer" data-read-only={readOnly}>
      {session && snapshot && <Toolbar session={session} snapshot={snapshot} onHelp={() => setHelp((h) => !h)} />}
      {loadError && (
        <div className="dv-error" role="alert">
          The viewer could not start: {loadError}
        </div>
      )}
      <div className="dv-body">
        <div className="dv-panes" style={{ gridTemplateColumns: `repeat(${phases.length}, minmax(0, 1fr))` }}>
          {phases.map((phase, i) => (
            <ViewportPane
              key={`${phase.seriesInstanceUid}-${i}`}
              ref={(el) => {
                elements.current[i] = el;
              }}
              index={i}
              label={phase.label}
              pane={snapshot?.panes[i]}
              active={snapshot?.activePane === i}
              onActivate={() => session?.setActivePane(i)}
            />
          ))}
        </div>
        <div className="dv-side">
          {props.sidePanel}
          {session && snapshot && <LesionPanel session={session} snapshot={snapshot} lesionLabels={lesionLabels} />}
        </div>
      </div>
      {help && <HelpOverlay readOnly={readOnly} onClose={() => setHelp(false)} />}
    </div>
  );
}
