import type { AgreementTable } from '../api/pi';

/** A study name as a file-name part: lower case ASCII letters, digits and single hyphens, at most 40 characters. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

/**
 * File name of a dashboard CSV export: study id and name, table, the outlier threshold where the table depends on
 * it, whether reads in progress were included, and the date, e.g. `delineo-study-7-pnen-grading-cases-below-0.70-2026-11-27.csv`.
 */
export function csvFileName(
  study: { id: number; name: string },
  table: AgreementTable,
  options: { outlierBelow?: number; includeInProgress?: boolean; date?: Date } = {},
): string {
  const parts = ['delineo-study', String(study.id)];
  const name = slug(study.name);
  if (name) parts.push(name);
  parts.push(table);
  if (table === 'cases' && options.outlierBelow !== undefined) parts.push(`below-${options.outlierBelow.toFixed(2)}`);
  if (options.includeInProgress) parts.push('with-in-progress');
  const d = options.date ?? new Date();
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  parts.push(day);
  return parts.join('-') + '.csv';
}
