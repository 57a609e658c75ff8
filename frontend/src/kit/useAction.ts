import { useCallback, useState } from 'react';
import { messageOf } from './errors';

export interface ActionOptions {
  /** What is busy, for screens with one button per row (`busyWith` tells which). */
  what?: string;
  /**
   * Turns a failure into the banner's text, or null when the caller has shown it otherwise (e.g. a refusal list).
   * Without it, the banner shows the error's message.
   */
  failure?: (e: unknown) => string | null;
}

export interface ActionState {
  busy: boolean;
  busyWith: string | null;
  error: string | null;
}

/**
 * One user action against the server: clears the previous error, is busy while the work runs, and puts a failure's
 * message in the error banner. Resolves true when the work succeeded. Pure, so the hook below is tested through it.
 */
export async function runAction(work: () => Promise<unknown>, set: (state: ActionState) => void, options: ActionOptions = {}): Promise<boolean> {
  const what = options.what ?? null;
  set({ busy: true, busyWith: what, error: null });
  try {
    await work();
    set({ busy: false, busyWith: null, error: null });
    return true;
  } catch (e) {
    set({ busy: false, busyWith: null, error: options.failure ? options.failure(e) : messageOf(e) });
    return false;
  }
}

export interface Action extends ActionState {
  run: (work: () => Promise<unknown>, options?: ActionOptions) => Promise<boolean>;
  /** Shows (or clears) a message in the same banner, e.g. a check made before anything is sent. */
  setError: (error: string | null) => void;
}

/** The busy / try / finally / error banner of a button or form that calls the server. */
export function useAction(): Action {
  const [state, setState] = useState<ActionState>({ busy: false, busyWith: null, error: null });
  const run = useCallback((work: () => Promise<unknown>, options?: ActionOptions) => runAction(work, setState, options), []);
  const setError = useCallback((error: string | null) => setState((s) => ({ ...s, error })), []);
  return { ...state, run, setError };
}
