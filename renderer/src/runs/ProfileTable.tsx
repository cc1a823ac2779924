// A dataset profile in the run view, one row per column — type, its distribution as small bars, missing and distinct
// values, a summary — where the report showed as JSON: what KNIME's Data Explorer shows of a table.
import { useMemo } from 'react';
import { profileOf, type ProfiledColumn } from '../../../shared/tracking/profile-report';
import { formatMetricValue } from '../../../shared/tracking/value-format';

const HEADINGS = ['Column', 'Type', 'Distribution', 'Missing', 'Distinct', 'Summary'];

export function ProfileTable({ report }: { report: unknown }) {
  const profile = useMemo(() => profileOf(report), [report]);
  if (!profile) return null;
  return (
    <div className="artifact-table-wrap profile-table-wrap">
      <table className="artifact-table profile-table" aria-label={`Profile of ${profile.rows} rows`} data-testid="artifact-profile">
        <thead>
          <tr>
            {HEADINGS.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {profile.columns.map((c) => (
            <tr key={c.name} data-column={c.name}>
              <th scope="row">{c.name}</th>
              <td>{c.type}</td>
              <td>
                <Bars counts={c.histogram?.counts ?? c.top?.map((t) => t.count) ?? []} label={distribution(c)} />
              </td>
              <td className={`number${c.missing > 0 ? ' profile-missing' : ''}`}>{percentOf(c.missing, c.count)}</td>
              <td className="number">{c.distinct}</td>
              <td>{summary(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function percentOf(part: number, whole: number): string {
  return part === 0 ? '0' : `${part} (${whole === 0 ? 0 : Number(((part / whole) * 100).toPrecision(2))} %)`;
}

function summary(c: ProfiledColumn): string {
  if (c.mean !== undefined) return `mean ${formatMetricValue(c.mean)} · median ${formatMetricValue(c.median)} · ${formatMetricValue(c.min)} to ${formatMetricValue(c.max)}`;
  const top = c.top?.[0];
  return top ? `most: ${top.value} (${top.count})` : '';
}

/** What the bars show, for their tooltip and screen readers. */
function distribution(c: ProfiledColumn): string {
  if (c.histogram) return `histogram: ${c.histogram.counts.join(', ')} rows from ${formatMetricValue(c.min)} to ${formatMetricValue(c.max)}`;
  return c.top ? `most frequent: ${c.top.map((t) => `${t.value} ${t.count}`).join(', ')}` : 'no values';
}

/** Bars as tall as their counts, in a small inline SVG (one per row: an ECharts instance each would be heavy). */
function Bars({ counts, label }: { counts: number[]; label: string }) {
  if (counts.length === 0) return null;
  const width = 96;
  const height = 20;
  const step = width / counts.length;
  const highest = Math.max(1, ...counts);
  return (
    <svg className="profile-bars" width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      {counts.map((count, i) => {
        const h = (count / highest) * height;
        return <rect key={i} x={i * step + 0.5} y={height - h} width={Math.max(1, step - 1)} height={h} />;
      })}
    </svg>
  );
}
