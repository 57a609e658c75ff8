import { describe, expect, it } from 'vitest';
import { featuresCsvFileName } from './featureCsv';

describe('features CSV file name', () => {
  it('names study, settings and day', () => {
    const day = new Date(2026, 10, 7);
    expect(featuresCsvFileName({ id: 3, name: 'Demo: LIDC-IDRI lung nodules, four radiologists (demo data)' }, '2a62d370ca170596bbd0', day)).toBe(
      'delineo-study-3-demo-lidc-idri-lung-nodules-four-radiolo-features-2a62d370ca17-2026-11-07.csv',
    );
    expect(featuresCsvFileName({ id: 3, name: '!!!' }, null, day)).toBe('delineo-study-3-features-2026-11-07.csv');
  });
});
