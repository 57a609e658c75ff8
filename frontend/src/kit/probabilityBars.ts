/** Bars of a prediction in the order of the model's classes, widths in percent, the top class marked. */
export interface Bar {
  label: string;
  percent: number;
  top: boolean;
}

export function probabilityBars(probabilities: Record<string, number>): Bar[] {
  const entries = Object.entries(probabilities);
  const max = Math.max(...entries.map(([, p]) => p));
  return entries.map(([label, p]) => ({ label, percent: Math.round(p * 1000) / 10, top: p === max }));
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const abs = Math.abs(value);
  let text: string;
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) text = value.toExponential(3);
  else if (abs >= 1000) text = value.toFixed(0);
  else text = value.toPrecision(4);
  return unit ? `${text} ${unit}` : text;
}
