import { describe, expect, it } from 'vitest';
import { cardIdentity, checkUpload, refusalReasons } from './uploadForm';

const card = JSON.stringify({ id: 'pnen-radiomics-demo', version: '1.0.1', task: 'G1 vs G2/G3' });

describe('model upload form', () => {
  it('accepts an .onnx file with a card naming id and version', () => {
    expect(checkUpload({ name: 'model.ONNX', size: 10 }, card)).toEqual({ ok: true, card: { id: 'pnen-radiomics-demo', version: '1.0.1' } });
  });

  it('lists what is missing or wrong before sending', () => {
    expect(checkUpload(null, '')).toEqual({
      ok: false,
      problems: ['Choose the model file (.onnx).', 'Give the model card: choose its JSON file or paste it.'],
    });
    expect(checkUpload({ name: 'model.pt', size: 10 }, card)).toEqual({ ok: false, problems: ['“model.pt” is not an .onnx file.'] });
    expect(checkUpload({ name: 'm.onnx', size: 0 }, card)).toEqual({ ok: false, problems: ['“m.onnx” is empty.'] });
  });

  it('reads the card identity or says why it cannot', () => {
    expect(cardIdentity('{"id": "a", "version": "1"}')).toEqual({ id: 'a', version: '1' });
    expect(cardIdentity('{"id": "a"')).toMatch(/not valid JSON/);
    expect(cardIdentity('[1]')).toBe('The model card must be a JSON object.');
    expect(cardIdentity('{"version": "1"}')).toBe('The model card has no "id".');
    expect(cardIdentity('{"id": "a", "version": 1}')).toBe('The model card has no "version".');
  });

  it('splits the server refusal into its reasons', () => {
    expect(
      refusalReasons('model refused: model pnen-radiomics-demo 1.0.0 is already registered; models are immutable: give the new one a new version'),
    ).toEqual(['model pnen-radiomics-demo 1.0.0 is already registered', 'models are immutable: give the new one a new version']);
    expect(refusalReasons('model onnx-models/x refused: sha256 mismatch; probe run failed: boom')).toEqual([
      'sha256 mismatch',
      'probe run failed: boom',
    ]);
    expect(refusalReasons('send two parts')).toEqual(['send two parts']);
  });
});
