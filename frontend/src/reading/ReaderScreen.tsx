import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { SeriesViewer } from '../viewer/components/SeriesViewer';
import type { DicomWebSource } from '../viewer/cornerstone/dicomWebSeries';
import type { PhaseSpec, ViewerSession } from '../viewer/cornerstone/ViewerSession';
import type { CanonicalRead } from '../viewer/canonical';
import type { ValidationIssue } from '../viewer/validation';
import { AutosaveController, type AutosaveStatus } from './autosave';
import { ConflictDialog } from './ConflictDialog';
import type { ReadSnapshot, ReadStore } from './ReadStore';
import { SubmitDialog, type SubmitWording } from './SubmitDialog';

/** What the reader screen needs to know about a worklist case. */
export interface ReaderCase {
  caseId: string;
  /** Shown in the header, e.g. the case's pseudonymous label. */
  title: string;
  studyInstanceUid: string;
  /** The phases to show side by side (e.g. arterial, portal venous). */
  phases: PhaseSpec[];
  /** The study's lesion labels. */
  lesionLabels: string[];
}

export interface ReaderScreenProps {
  readerCase: ReaderCase;
  store: ReadStore;
  source: DicomWebSource;
  /** Called once the read has been submitted. */
  onSubmitted?: () => void;
  autosaveDebounceMs?: number;
  /** What the screen calls saving and submitting (the PI's consensus editor words them differently). */
  wording?: ReadWording;
}

export interface ReadWording {
  loading: string;
  loadFailed: string;
  saved: string;
  submitted: string;
  submitButton: string;
  dialog: SubmitWording;
}

export const READER_WORDING: ReadWording = {
  loading: 'Loading your read…',
  loadFailed: 'Your read could not be loaded',
  saved: 'All changes saved',
  submitted: 'Submitted — final, read-only',
  submitButton: 'Submit read…',
  dialog: {
    title: 'Submit your read?',
    text: 'A submitted read is final: you will not be able to change it.',
    confirm: 'Submit final read',
    busy: 'Submitting…',
  },
};

const STATE_TEXT: Record<AutosaveStatus['state'], string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Changed in another window — choose a version',
  submitting: 'Submitting…',
  submitted: 'Submitted — final, read-only',
};

/** A reader's case: the viewer with autosave of their own read, conflict handling and submission. */
export function ReaderScreen({ readerCase, store, source, onSubmitted, autosaveDebounceMs, wording = READER_WORDING }: ReaderScreenProps) {
  const [initial, setInitial] = useState<ReadSnapshot | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [controller, setController] = useState<AutosaveController | null>(null);
  const [submitIssues, setSubmitIssues] = useState<ValidationIssue[] | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const session = useRef<ViewerSession | null>(null);
  const [attempt, setAttempt] = useState(0);
  // the store is looked up per case, so a new store object on each render does not restart the screen
  const storeRef = useRef(store);
  storeRef.current = store;

  useEffect(() => {
    let cancelled = false;
    const store = storeRef.current;
    setLoadError(null);
    store.load().then(
      (snapshot) => {
        if (cancelled) return;
        setInitial(snapshot);
        setController(new AutosaveController(store, snapshot, { debounceMs: autosaveDebounceMs }));
      },
      (e: unknown) => !cancelled && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [readerCase.caseId, attempt, autosaveDebounceMs]);

  useEffect(() => () => controller?.dispose(), [controller]);

  const status = useSyncExternalStore(
    useCallback((l: () => void) => (controller ? controller.subscribe(l) : () => {}), [controller]),
    () => controller?.getStatus() ?? null,
  );

  // leaving with unsaved edits asks first
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (controller?.getStatus().unsaved) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [controller]);

  const onReadChange = useCallback(
    (read: CanonicalRead) => {
      if (controller && controller.getStatus().state !== 'submitted') controller.update(read);
    },
    [controller],
  );

  if (loadError) {
    return (
      <section className="rd-screen" data-testid="reader-screen">
        <p className="error" role="alert" data-testid="reader-load-error">
          {wording.loadFailed}: {loadError}
        </p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </section>
    );
  }
  if (!initial || !controller || !status) return <p className="boot">{wording.loading}</p>;

  const submitted = status.state === 'submitted';
  const startSubmit = () => {
    setSubmitError(null);
    setSubmitIssues(session.current?.validate() ?? []);
  };
  const confirmSubmit = async () => {
    try {
      await controller.submit();
      setSubmitIssues(null);
      onSubmitted?.();
    } catch (e) {
      setSubmitError(e instanceof Error ? e.message : String(e));
    }
  };
  const reloadTheirs = async () => {
    const theirs = controller.takeTheirs();
    if (!theirs.submitted) await session.current?.loadRead(theirs.read);
  };

  const statusPanel = (
    <div className="rd-status" data-testid="read-status">
      <div className={`rd-state-${status.state}`} data-testid="save-status" data-state={status.state} aria-live="polite">
        {status.state === 'saved' ? wording.saved : status.state === 'submitted' ? wording.submitted : STATE_TEXT[status.state]}
        {status.state === 'saved' && status.lastSavedAt && ` · ${new Date(status.lastSavedAt).toLocaleTimeString()}`}
      </div>
      {status.error && status.state === 'error' && <div className="dv-small rd-state-error">{status.error}</div>}
      {!submitted && (
        <button type="button" className="primary" data-testid="submit-read" disabled={status.state === 'conflict' || status.state === 'submitting'} onClick={startSubmit}>
          {wording.submitButton}
        </button>
      )}
    </div>
  );

  return (
    <section className="rd-screen" data-testid="reader-screen" data-case-id={readerCase.caseId}>
      <div className="rd-header">
        <h1>{readerCase.title}</h1>
        <span className="muted">{readerCase.phases.map((p) => p.label).join(' · ')}</span>
      </div>
      <SeriesViewer
        // a submitted read reopens read-only with the final content
        key={submitted ? 'final' : 'editing'}
        source={source}
        studyInstanceUid={readerCase.studyInstanceUid}
        phases={readerCase.phases}
        readOnly={submitted}
        lesionLabels={readerCase.lesionLabels}
        initialRead={submitted ? controller.currentRead : initial.read}
        onReadChange={onReadChange}
        onSession={(s) => {
          session.current = s;
        }}
        sidePanel={statusPanel}
      />
      {status.state === 'conflict' && status.theirs && (
        <ConflictDialog mine={controller.currentRead} theirs={status.theirs} onReloadTheirs={() => void reloadTheirs()} onKeepMine={() => void controller.keepMine()} />
      )}
      {submitIssues && (
        <SubmitDialog wording={wording.dialog} issues={submitIssues} error={submitError} busy={status.state === 'submitting'} onConfirm={() => void confirmSubmit()} onCancel={() => setSubmitIssues(null)} />
      )}
    </section>
  );
}
