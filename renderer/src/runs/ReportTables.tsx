// The tables of a validation or drift report in the run view (shared/tracking/report-tables.ts): a caption that says
// what they add up to, and a row per violation or compared column, flagged ones marked.
import { useMemo } from 'react';
import { reportTablesOf } from '../../../shared/tracking/report-tables';

export function ReportTables({ report }: { report: unknown }) {
  const tables = useMemo(() => reportTablesOf(report), [report]);
  return tables.map((table) => (
    <div key={table.testId} className="artifact-table-wrap">
      <table className="artifact-table report-table" data-testid={table.testId}>
        <caption>{table.caption}</caption>
        {table.rows.length > 0 && (
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className={row.flagged ? 'report-flagged' : undefined} data-flagged={row.flagged}>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ));
}
