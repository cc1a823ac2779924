// The experiments table's columns: label, width and cell text for run columns, params, metrics and tags; pinned
// columns first, each with its sticky left offset.
import { formatDuration } from '../../../shared/runs/run-format';
import type { ExperimentRow } from '../../../shared/tracking/experiment-records';
import { columnKey, type ColumnRef, type ExperimentView } from '../../../shared/tracking/experiment-view';
import { formatMetricValue, formatParamValue, formatTags } from '../../../shared/tracking/value-format';

/** Width of the always-pinned run column (checkbox + id). */
export const RUN_COLUMN_WIDTH = 220;
export const ROW_HEIGHT = 30;

const RUN_COLUMN_LABELS: Record<string, string> = {
  status: 'Status',
  pipeline: 'Pipeline',
  revision: 'Rev.',
  started: 'Started',
  duration: 'Duration',
  trigger: 'Trigger',
  tags: 'Tags',
  note: 'Note',
};
const RUN_COLUMN_WIDTHS: Record<string, number> = { status: 110, pipeline: 160, revision: 76, started: 170, duration: 104, trigger: 90, tags: 170, note: 220 };

/** A shown column, laid out. */
export interface TableColumn {
  ref: ColumnRef;
  key: string;
  label: string;
  width: number;
  numeric: boolean;
  pinned: boolean;
  /** Sticky left offset when pinned. */
  left: number;
}

export function columnLabel(ref: ColumnRef): string {
  if (ref.scope === 'column') return RUN_COLUMN_LABELS[ref.name] ?? ref.name;
  return ref.scope === 'param' ? `params.${ref.name}` : ref.scope === 'tag' ? `tags.${ref.name}` : ref.name;
}

/** Pinned columns first (in pin order), then the others in the user's order. */
export function layoutColumns(view: ExperimentView): TableColumn[] {
  const pinned = view.pinned.flatMap((key) => view.columns.filter((c) => columnKey(c) === key));
  const rest = view.columns.filter((c) => !view.pinned.includes(columnKey(c)));
  let left = RUN_COLUMN_WIDTH;
  return [...pinned, ...rest].map((ref) => {
    const isPinned = view.pinned.includes(columnKey(ref));
    const width = ref.scope === 'column' ? (RUN_COLUMN_WIDTHS[ref.name] ?? 120) : 120;
    const column = { ref, key: columnKey(ref), label: columnLabel(ref), width, numeric: ref.scope === 'metric' || (ref.scope === 'column' && ['revision', 'duration'].includes(ref.name)), pinned: isPinned, left };
    if (isPinned) left += width;
    return column;
  });
}

/** The text a cell shows. */
export function cellText(row: ExperimentRow, ref: ColumnRef): string {
  switch (ref.scope) {
    case 'param':
      return formatParamValue(row.params[ref.name]);
    case 'metric':
      return formatMetricValue(row.metrics[ref.name]);
    case 'tag':
      return row.tags[ref.name] ?? '—';
    case 'column':
      return runColumnText(row, ref.name);
  }
}

function runColumnText(row: ExperimentRow, name: string): string {
  switch (name) {
    case 'status':
      return row.status;
    case 'pipeline':
      return row.pipelineName;
    case 'revision':
      return row.pipelineRevision === null ? '—' : `r${row.pipelineRevision}`;
    case 'started':
      return new Date(row.startedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
    case 'duration':
      return row.durationMs === null ? '—' : formatDuration(row.durationMs);
    case 'trigger':
      return row.trigger;
    case 'tags':
      return formatTags(row.tags).join(', ');
    case 'note':
      return row.note;
    default:
      return '';
  }
}
