import { piApi, type AgreementTable } from '../api/pi';
import { csvFileName } from './csv';
import { useAction } from '../kit/useAction';

/** Downloads one dashboard table as the server writes it (Accept: text/csv), under a descriptive file name. */
export function CsvButton({
  study,
  table,
  outlierBelow,
  includeInProgress,
}: {
  study: { id: number; name: string };
  table: AgreementTable;
  outlierBelow: number;
  includeInProgress: boolean;
}) {
  const { busy, error, run } = useAction();
  const download = () =>
    run(async () => {
      const blob = await piApi.studyAgreementCsv(study.id, table, outlierBelow, includeInProgress);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = csvFileName(study, table, { outlierBelow, includeInProgress });
      document.body.appendChild(a);
      a.click();
      a.remove();
      // give the browser time to start the download before the URL goes away
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
  return (
    <span className="csv-button">
      <button type="button" onClick={() => void download()} disabled={busy} data-testid={`csv-${table}`}>
        Export CSV
      </button>
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
