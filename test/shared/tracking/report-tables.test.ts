// Tables of validation and drift reports read out of files nodes wrote, whatever they hold.
import { describe, expect, it } from 'vitest';
import { reportTablesOf } from '../../../shared/tracking/report-tables';

describe('reportTablesOf', () => {
  it("data.validate's violations, or a sentence saying there were none", () => {
    const report = { valid: false, rows: 3, schemaSource: 'declared', columns: [], violations: [{ rule: 'min', column: 'age', message: 'age: 2 values below 0', count: 2, rows: [1, 2] }] };
    expect(reportTablesOf(report)).toEqual([
      {
        testId: 'artifact-violations',
        caption: '1 violation against the declared schema.',
        columns: ['Rule', 'Column', 'Rows', 'Violation'],
        rows: [{ cells: ['min', 'age', '2', 'age: 2 values below 0'], flagged: true }],
      },
    ]);
    expect(reportTablesOf({ ...report, violations: [] })[0]).toMatchObject({ caption: 'No violations against the declared schema.', rows: [] });
  });

  it("monitor.drift's columns, drifted ones flagged with why, and the verdict", () => {
    const report = {
      drifted: true,
      driftedColumns: 1,
      columnsCompared: 2,
      driftShare: 0.5,
      thresholds: { psi: 0.2, pValue: 0.05, driftShare: 0.5 },
      columns: [
        { column: 'a', type: 'number', psi: 0.31234, test: 'ks', statistic: 0.4, pValue: 0.001, drifted: true, reason: 'PSI 0.31 > 0.2' },
        { column: 'b', type: 'category', psi: 0.01, test: 'chi-square', statistic: 1.2, pValue: 0.6, drifted: false, reason: '' },
      ],
    };
    const [table] = reportTablesOf(report);
    expect(table!.caption).toBe('1 of 2 columns drifted, a share of 0.5 (0.5 or more fails): the data drifted.');
    expect(table!.rows).toEqual([
      { cells: ['a', 'number', '0.3123', 'ks', '0.4', '0.001', 'yes: PSI 0.31 > 0.2'], flagged: true },
      { cells: ['b', 'category', '0.01', 'chi-square', '1.2', '0.6', 'no'], flagged: false },
    ]);
  });

  it('other reports have no tables', () => {
    for (const report of [null, [], 'x', { rows: 2, columns: [] }, { task: 'regression' }, { violations: [] }]) expect(reportTablesOf(report)).toEqual([]);
  });
});
