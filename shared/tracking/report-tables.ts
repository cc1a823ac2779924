// Tables of the reports data.validate and monitor.drift write — the violations found, the drift of each column — read
// defensively from a file a node wrote, for the run view.
import { formatMetricValue } from './value-format';

export interface ReportTable {
  testId: string;
  /** One sentence saying what the table shows and what it adds up to. */
  caption: string;
  columns: string[];
  rows: { cells: string[]; flagged: boolean }[];
}

/** A JSON object of a report. */
type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields => value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'number' ? formatMetricValue(value) : typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
const records = (value: unknown): Fields[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** data.validate's report: every violation, or a sentence saying there were none. */
function violationsTable(report: Fields): ReportTable | null {
  if (!Array.isArray(report['violations']) || typeof report['schemaSource'] !== 'string') return null;
  const violations = records(report['violations']);
  const against = `against the ${report['schemaSource']} schema`;
  return {
    testId: 'artifact-violations',
    caption: violations.length === 0 ? `No violations ${against}.` : `${violations.length} violation${violations.length === 1 ? '' : 's'} ${against}.`,
    columns: ['Rule', 'Column', 'Rows', 'Violation'],
    rows: violations.map((v) => ({ cells: [text(v['rule']), text(v['column']), text(v['count']), text(v['message'])], flagged: true })),
  };
}

/** monitor.drift's report: each compared column's PSI and test, drifted ones flagged. */
function driftTable(report: Fields): ReportTable | null {
  if (typeof report['driftShare'] !== 'number' || !Array.isArray(report['columns'])) return null;
  const columns = records(report['columns']);
  const thresholds = isRecord(report['thresholds']) ? report['thresholds'] : {};
  const counted = `${text(report['driftedColumns'])} of ${text(report['columnsCompared'])} columns drifted`;
  const verdict = report['drifted'] === true ? 'the data drifted' : 'the data did not drift';
  return {
    testId: 'artifact-drift',
    caption: `${counted}, a share of ${text(report['driftShare'])} (${text(thresholds['driftShare'])} or more fails): ${verdict}.`,
    columns: ['Column', 'Type', 'PSI', 'Test', 'Statistic', 'p-value', 'Drifted'],
    rows: columns.map((c) => ({
      cells: [text(c['column']), text(c['type']), text(c['psi']), text(c['test']), text(c['statistic']), text(c['pValue']), c['drifted'] === true ? `yes: ${text(c['reason'])}` : 'no'],
      flagged: c['drifted'] === true,
    })),
  };
}

/** The tables a report holds data for (none for other reports). */
export function reportTablesOf(report: unknown): ReportTable[] {
  if (!isRecord(report)) return [];
  return [violationsTable(report), driftTable(report)].filter((t): t is ReportTable => t !== null);
}
