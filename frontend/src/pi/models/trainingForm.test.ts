import { describe, expect, it } from 'vitest';
import { defaultTrainingDraft, trainingInput } from './trainingForm';

describe('the train form', () => {
  it('starts from the trainer defaults and sends numbers', () => {
    const d = defaultTrainingDraft(7);
    expect(trainingInput(d)).toEqual({
      ok: true,
      input: { modelId: 'study-7-grade', version: '1.0.0', task: 'G1 vs G2/G3', robustOnly: false, l1: 0.05, folds: 5, seed: 42 },
    });
    expect(trainingInput({ ...d, robustOnly: true, task: 'G1/G2/G3', l1: '0,1', seed: '-3' }, 'abc')).toEqual({
      ok: true,
      input: { modelId: 'study-7-grade', version: '1.0.0', task: 'G1/G2/G3', robustOnly: true, l1: 0.1, folds: 5, seed: -3, settingsHash: 'abc' },
    });
  });

  it('trims the id and version and refuses what the server would refuse', () => {
    const d = defaultTrainingDraft(7);
    expect(trainingInput({ ...d, modelId: '  my-model ', version: ' 2.0 ' })).toMatchObject({ ok: true, input: { modelId: 'my-model', version: '2.0' } });
    for (const modelId of ['My-Model', '-start', 'a', 'with space', 'x'.repeat(64)]) {
      expect(trainingInput({ ...d, modelId }), modelId).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Model id/)] });
    }
    expect(trainingInput({ ...d, version: '1 0' })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Version/)] });
  });

  it('lists every numeric problem at once', () => {
    const d = defaultTrainingDraft(1);
    const check = trainingInput({ ...d, l1: '0', folds: '1.5', seed: '' });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems.map((p) => p.split(' ')[0])).toEqual(['L1', 'Folds', 'Seed']);
    expect(trainingInput({ ...d, folds: '1' })).toMatchObject({ ok: false });
    expect(trainingInput({ ...d, l1: 'x' })).toMatchObject({ ok: false });
    expect(trainingInput({ ...d, seed: '1e30' })).toMatchObject({ ok: false });
  });
});
