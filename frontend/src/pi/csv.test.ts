import { describe, expect, it } from 'vitest';
import { csvFileName, slug } from './csv';

const date = new Date(2026, 10, 27, 23, 59);

describe('CSV file names', () => {
  it('names study, table, threshold and date', () => {
    expect(csvFileName({ id: 7, name: 'PNEN grading — arterial' }, 'cases', { outlierBelow: 0.7, date })).toBe(
      'delineo-study-7-pnen-grading-arterial-cases-below-0.70-2026-11-27.csv',
    );
  });

  it('adds the threshold only to the table that depends on it', () => {
    expect(csvFileName({ id: 7, name: 'x' }, 'bland-altman', { outlierBelow: 0.7, date })).toBe(
      'delineo-study-7-x-bland-altman-2026-11-27.csv',
    );
  });

  it('marks exports that include reads in progress', () => {
    expect(csvFileName({ id: 3, name: 'S' }, 'matrix', { includeInProgress: true, date })).toBe(
      'delineo-study-3-s-matrix-with-in-progress-2026-11-27.csv',
    );
  });

  it('keeps file names portable whatever the study is called', () => {
    expect(slug('Études: Ki-67 / WHO "G2"?')).toBe('etudes-ki-67-who-g2');
    expect(slug('***')).toBe('');
    expect(csvFileName({ id: 1, name: '***' }, 'readers', { date })).toBe('delineo-study-1-readers-2026-11-27.csv');
    expect(slug('a'.repeat(39) + ' b')).toBe('a'.repeat(39));
  });
});
