// `monitor.drift`: per-column drift of the current dataset against the reference; fails or warns when it drifted.
import type { z } from 'zod';
import type { monitorDrift } from '../../shared/nodes/monitor.drift';
import { readTable } from '../ml/csv-io';
import { driftReport } from '../ml/drift/drift-report';
import { columnIndex, parseColumnList } from '../ml/table';
import { NodeError, type NodeImplementation } from './node-implementation';
import { inputPath, log, writeOutputJson } from './node-io';

type Params = z.output<typeof monitorDrift.params>;

export const monitorDriftNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const reference = readTable(inputPath(ctx, 'reference'));
    const current = readTable(inputPath(ctx, 'current'));
    const exclude = new Set(parseColumnList(params.exclude));
    const named = parseColumnList(params.columns);
    for (const column of named) {
      columnIndex(reference, column, 'column of the reference');
      columnIndex(current, column, 'column of the current dataset');
    }
    const columns = (named.length > 0 ? named : reference.columns.filter((c) => current.columns.includes(c))).filter((c) => !exclude.has(c));
    if (columns.length === 0) throw new NodeError('the reference and current datasets have no columns in common to compare');
    const report = driftReport(reference, current, { ...params, columns });
    writeOutputJson(ctx, 'report', report);
    for (const c of report.columns) log(`  ${c.drifted ? 'DRIFT' : 'ok   '} ${c.column}: ${c.reason}`);
    const summary = `${report.driftedColumns} of ${report.columnsCompared} columns drifted (${(report.driftShare * 100).toFixed(0)} %; the limit is ${(params.driftShare * 100).toFixed(0)} %)`;
    ctx.reportMetric('drifted_columns', report.driftedColumns);
    ctx.reportMetric('drift_share', report.driftShare);
    ctx.reportMetric('max_psi', Math.max(...report.columns.map((c) => c.psi)));
    if (report.drifted && params.onDrift === 'fail') throw new NodeError(`data drift: ${summary}`);
    log(report.drifted ? `warning: data drift: ${summary}` : summary);
  },
};
