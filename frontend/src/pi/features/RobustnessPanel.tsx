import { useState, type FormEvent } from 'react';
import { featuresApi, type IccType, type Robustness, type RobustnessGroup, type Selection } from '../../api/features';
import { ErrorText } from '../../kit/errors';
import { Panel } from '../../kit/Panel';
import { fixed } from '../../kit/format';
import { phaseLabel } from '../../kit/phases';
import { IccPlot } from './IccPlot';
import { formatIcc, ICC_LABEL, iccOf, parseMinIcc, robustAcrossGroups, sortByIcc } from './robustness';
import { useAction } from '../../kit/useAction';

/**
 * Robustness of the features across readers: per phase and lesion label, ICC(2,1) and ICC(3,1) with 95 % CIs (plot
 * and table, ordered by the chosen ICC), and the PI's selection of robust features (used by training).
 */
export function RobustnessPanel({
  studyId,
  robustness,
  onSelected,
}: {
  studyId: number;
  robustness: Robustness;
  onSelected: () => void;
}) {
  const [type, setType] = useState<IccType>(robustness.selection?.iccType ?? 'ICC21');
  const [minText, setMinText] = useState(robustness.selection ? String(robustness.selection.minIcc) : '0.75');
  const { busy, error, setError, run } = useAction();
  const min = parseMinIcc(minText);
  const preview = typeof min === 'number' ? robustAcrossGroups(robustness.groups, type, min) : null;
  const selected = new Set(robustness.selection?.features ?? []);

  const mark = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (typeof min === 'string') {
      setError(min);
      return;
    }
    await run(async () => {
      await featuresApi.select(studyId, { settingsHash: robustness.settingsHash, iccType: type, minIcc: min });
      onSelected();
    });
  };

  if (robustness.groups.length === 0) {
    return (
      <Panel title="Robustness across readers" testId="robustness-panel">
        <p className="muted" data-testid="no-robustness">
          No ICC yet: it needs the features of at least two readers on at least two cases of the same phase and lesion
          label (submitted reads).
        </p>
      </Panel>
    );
  }

  return (
    <Panel title="Robustness across readers" testId="robustness-panel">
      <form className="filters" onSubmit={mark} data-testid="mark-robust-form" noValidate>
        <label>
          ICC
          <select value={type} onChange={(e) => setType(e.target.value as IccType)} data-testid="icc-type">
            <option value="ICC21">ICC(2,1) — absolute agreement</option>
            <option value="ICC31">ICC(3,1) — consistency</option>
          </select>
        </label>
        <label>
          Robust from
          <input className="narrow" type="number" min={0} max={1} step={0.05} value={minText} onChange={(e) => setMinText(e.target.value)} data-testid="min-icc" />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="mark-robust">
          Mark robust
        </button>
        <span className="muted small" data-testid="robust-preview">
          {preview === null
            ? ''
            : `${preview.length} feature${preview.length === 1 ? '' : 's'} reach ${ICC_LABEL[type]} ≥ ${fixed(min as number, 2)} in every group`}
        </span>
      </form>
      <ErrorText error={error} testId="mark-robust-error" />
      <CurrentSelection selection={robustness.selection} />
      {robustness.groups.map((g) => (
        <GroupSection key={`${g.phase}|${g.lesionLabel}`} group={g} type={type} selected={selected} />
      ))}
    </Panel>
  );
}

function CurrentSelection({ selection }: { selection: Selection | null }) {
  if (!selection) {
    return (
      <p className="muted" data-testid="robust-selection" data-count={0}>
        No features are marked robust for these settings yet.
      </p>
    );
  }
  return (
    <div className="robust-selection" data-testid="robust-selection" data-count={selection.features.length}>
      <p>
        <b>{selection.features.length}</b> feature{selection.features.length === 1 ? '' : 's'} marked robust:{' '}
        {ICC_LABEL[selection.iccType]} ≥ {fixed(selection.minIcc, 2)} in every phase and lesion label. Training with
        “robust features only” uses these.
      </p>
      {selection.features.length > 0 && (
        <details>
          <summary>Show the features</summary>
          <div className="chips">
            {selection.features.map((f) => (
              <span key={f} className="chip mono" data-testid="robust-feature">
                {f}
              </span>
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

function GroupSection({ group: g, type, selected }: { group: RobustnessGroup; type: IccType; selected: Set<string> }) {
  const sorted = sortByIcc(g.features, type);
  return (
    <section className="robustness-group" data-testid="robustness-group" data-phase={g.phase} data-label={g.lesionLabel}>
      <h3>
        {g.lesionLabel} · {phaseLabel(g.phase)}
      </h3>
      <p className="muted small">
        {g.readers.length} readers ({g.readers.join(', ')}) × {g.cases} cases that all of them read · {g.features.length}{' '}
        features · ordered by {ICC_LABEL[type]}
      </p>
      <div className="scroll-x">
        <IccPlot features={g.features} type={type} />
      </div>
      <div className="icc-table-wrap">
        <table className="data compact" data-testid="robustness-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Feature</th>
              <th className="num">ICC(2,1) [95 % CI]</th>
              <th className="num">ICC(3,1) [95 % CI]</th>
              <th>Robust</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((f, i) => (
              <tr key={f.feature} data-testid="icc-row" data-feature={f.feature} className={selected.has(f.feature) ? 'robust' : ''}>
                <td className="num muted">{i + 1}</td>
                <td className="mono">{f.feature}</td>
                <td className="num">{formatIcc(iccOf(f, 'ICC21'))}</td>
                <td className="num">{formatIcc(iccOf(f, 'ICC31'))}</td>
                <td>{selected.has(f.feature) ? '✓' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
