// The experiments table: every run of every pipeline, virtualised (only visible rows are in the DOM, windows of rows
// are fetched as they scroll in), sortable headers, pinned columns that stay put while scrolling sideways.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { columnKey } from '../../../shared/tracking/experiment-view';
import { useApp } from '../store/store-context';
import { PAGE_SIZE } from './experiments.slice';
import { cellText, layoutColumns, ROW_HEIGHT, RUN_COLUMN_WIDTH, type TableColumn } from './table-columns';

export function RunsTable() {
  const view = useApp((s) => s.experimentView);
  const total = useApp((s) => s.tableTotal);
  const pages = useApp((s) => s.tablePages);
  const ensureRows = useApp((s) => s.ensureRows);
  const columns = useMemo(() => layoutColumns(view), [view]);
  const width = RUN_COLUMN_WIDTH + columns.reduce((sum, c) => sum + c.width, 0);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, pages, ensureRows]);

  return (
    <div className="runs-table" ref={scroller} role="table" aria-label="Runs" aria-rowcount={total} data-testid="runs-table">
      <div className="runs-table-inner" style={{ width, height: ROW_HEIGHT + virtualizer.getTotalSize() }}>
        <HeaderRow columns={columns} width={width} />
        {items.map((item) => {
          const row = pages[Math.floor(item.index / PAGE_SIZE)]?.[item.index % PAGE_SIZE];
          return <TableRow key={item.key} index={item.index} top={ROW_HEIGHT + item.start} columns={columns} width={width} runId={row?.id} />;
        })}
      </div>
      {total === 0 && <p className="hint table-empty">No runs match. Run a pipeline, or change the filter.</p>}
    </div>
  );
}

function HeaderRow({ columns, width }: { columns: TableColumn[]; width: number }) {
  const sort = useApp((s) => s.experimentView.sort);
  const sortBy = useApp((s) => s.sortBy);
  const togglePin = useApp((s) => s.togglePin);
  const sortKey = columnKey(sort.column);
  return (
    <div className="runs-row runs-header" role="row" style={{ width }}>
      <div className="runs-cell pinned run-cell" role="columnheader" style={{ left: 0, width: RUN_COLUMN_WIDTH }}>
        Run
      </div>
      {columns.map((c) => (
        <div
          key={c.key}
          className={`runs-cell${c.pinned ? ' pinned' : ''}${c.numeric ? ' number' : ''}`}
          role="columnheader"
          aria-sort={sortKey === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          style={{ width: c.width, ...(c.pinned ? { left: c.left } : {}) }}
          data-column={c.key}
        >
          <button type="button" className="sort-button" onClick={() => sortBy(c.ref)} title={`Sort by ${c.label}`} aria-label={c.label}>
            <ColumnName label={c.label} />
            {sortKey === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
          </button>
          <button type="button" className={`pin-button${c.pinned ? ' on' : ''}`} aria-pressed={c.pinned} aria-label={`${c.pinned ? 'Unpin' : 'Pin'} ${c.label}`} onClick={() => togglePin(c.ref)}>
            <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
              <path d="M5 1h6l-1 5 3 3H9l-1 6-1-6H3l3-3z" fill="currentColor" />
            </svg>
          </button>
        </div>
      ))}
    </div>
  );
}

/** A header's name; in a narrow column its `params.` / `tags.` prefix gives way first, so the name itself shows. */
function ColumnName({ label }: { label: string }) {
  const dot = label.startsWith('params.') || label.startsWith('tags.') ? label.indexOf('.') + 1 : 0;
  return (
    <>
      {dot > 0 && <span className="column-scope">{label.slice(0, dot)}</span>}
      <span className="column-name">{label.slice(dot)}</span>
    </>
  );
}

function TableRow({ index, top, columns, width, runId }: { index: number; top: number; columns: TableColumn[]; width: number; runId: string | undefined }) {
  const row = useApp((s) => (runId ? s.tablePages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE] : undefined));
  const selected = useApp((s) => (runId ? s.selectedRunIds.includes(runId) : false));
  const detail = useApp((s) => s.detailRunId === runId && runId !== undefined);
  const toggle = useApp((s) => s.toggleRunSelection);
  const showDetails = useApp((s) => s.showRunDetails);
  const style = { top, width, height: ROW_HEIGHT };
  if (!row) {
    return (
      <div className="runs-row loading" role="row" aria-rowindex={index + 2} style={style}>
        <div className="runs-cell pinned run-cell" style={{ left: 0, width: RUN_COLUMN_WIDTH }}>
          …
        </div>
      </div>
    );
  }
  return (
    <div
      className={`runs-row${selected ? ' selected' : ''}${detail ? ' detail' : ''}${row.hidden ? ' hidden-run' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      style={style}
      data-testid="experiment-row"
      data-run={row.id}
      data-status={row.status}
      onClick={() => showDetails(row.id)}
    >
      <div className="runs-cell pinned run-cell" role="cell" style={{ left: 0, width: RUN_COLUMN_WIDTH }}>
        <input type="checkbox" checked={selected} aria-label={`Select run ${row.id}`} onClick={(e) => e.stopPropagation()} onChange={() => toggle(row.id)} />
        <span className="run-id">{row.id}</span>
        {row.hidden && <span className="muted"> (hidden)</span>}
      </div>
      {columns.map((c) => (
        <div
          key={c.key}
          className={`runs-cell${c.pinned ? ' pinned' : ''}${c.numeric ? ' number' : ''}${c.key === 'column:status' ? ` status-${row.status}` : ''}`}
          role="cell"
          style={{ width: c.width, ...(c.pinned ? { left: c.left } : {}) }}
          data-column={c.key}
          title={c.key === 'column:status' && row.error ? `${row.status}: ${row.error}` : cellText(row, c.ref)}
        >
          {cellText(row, c.ref)}
        </div>
      ))}
    </div>
  );
}
