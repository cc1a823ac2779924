// Chooses the experiments table's columns: run columns, every param, metric and tag key some run has.
import { columnKey, RUN_COLUMNS, type ColumnRef } from '../../../shared/tracking/experiment-view';
import { useApp } from '../store/store-context';
import { columnLabel } from './table-columns';

export function ColumnChooser({ onClose }: { onClose(): void }) {
  const available = useApp((s) => s.columnsAvailable);
  const shown = useApp((s) => s.experimentView.columns);
  const toggle = useApp((s) => s.toggleColumn);
  const groups: { title: string; refs: ColumnRef[] }[] = [
    { title: 'Run', refs: RUN_COLUMNS.map((name) => ({ scope: 'column', name })) },
    { title: 'Params', refs: available.params.map((name) => ({ scope: 'param', name })) },
    { title: 'Metrics', refs: available.metrics.map((name) => ({ scope: 'metric', name })) },
    { title: 'Tags', refs: available.tags.map((name) => ({ scope: 'tag', name })) },
  ];
  const keys = new Set(shown.map(columnKey));
  return (
    <div className="column-chooser" role="dialog" aria-label="Columns" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      {groups.map((group) => (
        <fieldset key={group.title}>
          <legend>{group.title}</legend>
          {group.refs.length === 0 && <span className="muted">none yet</span>}
          {group.refs.map((ref) => (
            <label key={columnKey(ref)} className="checkbox">
              <input type="checkbox" checked={keys.has(columnKey(ref))} onChange={() => toggle(ref)} /> {columnLabel(ref)}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="button" onClick={onClose}>
        Done
      </button>
    </div>
  );
}
