// Above the experiments table: the filter box (filter language, errors inline), search, hidden runs, the column
// chooser, and what to do with the selected runs (compare, report, tag, hide/show, delete).
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store/store-context';
import { ColumnChooser } from './ColumnChooser';
import { deleteConfirmation } from './delete-confirmation';
import { parseTagInput } from './tag-input';

/** Commits a text box's value once the user paused typing (the latest `commit` is used). */
function useDebounced(value: string, commit: (value: string) => void, ms = 300): void {
  const latest = useRef(commit);
  latest.current = commit;
  useEffect(() => {
    const timer = setTimeout(() => latest.current(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
}

export function TableToolbar() {
  const view = useApp((s) => s.experimentView);
  const updateView = useApp((s) => s.updateView);
  const filterError = useApp((s) => s.filterError);
  const unknown = useApp((s) => s.unknownFields);
  const total = useApp((s) => s.tableTotal);
  const queryMs = useApp((s) => s.queryMs);
  const refresh = useApp((s) => s.refreshExperiments);
  const [filter, setFilter] = useState(view.filter);
  const [search, setSearch] = useState(view.search);
  const [chooserOpen, setChooserOpen] = useState(false);
  // The saved view arrives after mount: take it over once.
  useEffect(() => setFilter(view.filter), [view.filter]);
  useEffect(() => setSearch(view.search), [view.search]);
  useDebounced(filter, (value) => value !== view.filter && updateView({ filter: value }));
  useDebounced(search, (value) => value !== view.search && updateView({ search: value }));
  return (
    <div className="table-toolbar">
      <div className="filter-box">
        <label>
          <span className="visually-hidden">Filter</span>
          <input
            type="text"
            className={filterError ? 'invalid' : ''}
            placeholder="Filter: accuracy > 0.9 and params.maxDepth = 5"
            aria-label="Filter"
            aria-invalid={filterError !== null}
            aria-describedby="filter-error"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && updateView({ filter })}
            spellCheck={false}
          />
        </label>
        <div id="filter-error" className="filter-message" aria-live="polite">
          {filterError ? (
            <span className="field-error" data-testid="filter-error">
              {filterError}
            </span>
          ) : unknown.length > 0 ? (
            <span className="muted" data-testid="filter-unknown">
              no run has {unknown.join(', ')}
            </span>
          ) : null}
        </div>
      </div>
      <input type="search" aria-label="Search runs" placeholder="Search id, pipeline, note, tag" value={search} onChange={(e) => setSearch(e.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={view.includeHidden} onChange={(e) => updateView({ includeHidden: e.target.checked })} /> Show hidden
      </label>
      <div className="chooser-anchor">
        <button type="button" aria-expanded={chooserOpen} onClick={() => setChooserOpen(!chooserOpen)}>
          Columns…
        </button>
        {chooserOpen && <ColumnChooser onClose={() => setChooserOpen(false)} />}
      </div>
      <button type="button" onClick={() => void refresh()} title="Runs started by other Pipewright processes (the CLI) appear on refresh">
        Refresh
      </button>
      <span className="muted" data-testid="table-count">
        {total} run{total === 1 ? '' : 's'}
        {queryMs !== null ? ` · ${queryMs.toFixed(1)} ms` : ''}
      </span>
      <SelectionActions />
    </div>
  );
}

function SelectionActions() {
  const selected = useApp((s) => s.selectedRunIds);
  const clear = useApp((s) => s.clearRunSelection);
  const compare = useApp((s) => s.compareRuns);
  const report = useApp((s) => s.exportReport);
  const annotate = useApp((s) => s.annotateRuns);
  const includeHidden = useApp((s) => s.experimentView.includeHidden);
  const deleteRuns = useApp((s) => s.deleteRuns);
  const askConfirm = useApp((s) => s.askConfirm);
  const [tag, setTag] = useState('');
  if (selected.length === 0) return <span className="muted">Select runs to compare, tag, hide or delete.</span>;
  const addTag = () => {
    const setTags = parseTagInput(tag);
    if (!setTags) return;
    void annotate(selected, { setTags });
    setTag('');
  };
  return (
    <div className="selection-actions" role="group" aria-label="Selected runs">
      <span>{selected.length} selected</span>
      <button type="button" disabled={selected.length < 2 || selected.length > 50} onClick={() => void compare(selected)}>
        Compare
      </button>
      <button type="button" disabled={selected.length > 50} onClick={() => void report(selected)}>
        Export report
      </button>
      <input aria-label="Tag selected runs" placeholder="tag or key=value" value={tag} onChange={(e) => setTag(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addTag()} />
      <button type="button" onClick={addTag} disabled={!tag.trim()}>
        Tag
      </button>
      <button type="button" onClick={() => void annotate(selected, { hidden: true }).then(clear)}>
        Hide
      </button>
      {includeHidden && (
        <button type="button" onClick={() => void annotate(selected, { hidden: false })}>
          Unhide
        </button>
      )}
      <button type="button" onClick={() => askConfirm(deleteConfirmation(selected, () => void deleteRuns(selected)))}>
        Delete…
      </button>
      <button type="button" className="link-button" onClick={clear}>
        Clear
      </button>
    </div>
  );
}
