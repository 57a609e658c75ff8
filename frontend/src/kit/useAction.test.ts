import { describe, expect, it } from 'vitest';
import { runAction, type ActionState } from './useAction';

describe('runAction', () => {
  it('is busy while the work runs and clears the banner on success', async () => {
    const states: ActionState[] = [];
    let release: () => void = () => undefined;
    const done = runAction(() => new Promise<void>((r) => (release = r)), (s) => states.push(s), { what: 'row 3' });
    expect(states).toEqual([{ busy: true, busyWith: 'row 3', error: null }]);
    release();
    expect(await done).toBe(true);
    expect(states.at(-1)).toEqual({ busy: false, busyWith: null, error: null });
  });

  it("shows a failure's message and resolves false", async () => {
    const states: ActionState[] = [];
    const ok = await runAction(() => Promise.reject(new Error('The study is closed.')), (s) => states.push(s));
    expect(ok).toBe(false);
    expect(states.at(-1)).toEqual({ busy: false, busyWith: null, error: 'The study is closed.' });
  });

  it('lets the caller word a failure or take it over', async () => {
    const states: ActionState[] = [];
    await runAction(() => Promise.reject(new Error('x')), (s) => states.push(s), { failure: () => 'The card file could not be read.' });
    expect(states.at(-1)!.error).toBe('The card file could not be read.');
    await runAction(() => Promise.reject(new Error('x')), (s) => states.push(s), { failure: () => null });
    expect(states.at(-1)!.error).toBeNull();
  });
});
