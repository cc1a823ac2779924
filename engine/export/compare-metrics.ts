// Compares the metrics of two runs of one pipeline (local `pipewright run` vs. the rehearsed CI run), node by node.

/** node id → metric name → value. */
export type NodeMetrics = Record<string, Record<string, number>>;

/** One metric in either run. */
export interface MetricComparison {
  node: string;
  name: string;
  local?: number;
  ci?: number;
  same: boolean;
}

/** Relative tolerance: both runs execute the same code on the same data, so only float printing may differ. */
const TOLERANCE = 1e-9;

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Every metric of either run, sorted by node and name; `same` is false when one run lacks it or the values differ. */
export function compareMetrics(local: NodeMetrics, ci: NodeMetrics): MetricComparison[] {
  const rows: MetricComparison[] = [];
  for (const node of [...new Set([...Object.keys(local), ...Object.keys(ci)])].sort()) {
    const names = [...new Set([...Object.keys(local[node] ?? {}), ...Object.keys(ci[node] ?? {})])].sort();
    for (const name of names) {
      const l = local[node]?.[name];
      const c = ci[node]?.[name];
      rows.push({ node, name, ...(l === undefined ? {} : { local: l }), ...(c === undefined ? {} : { ci: c }), same: l !== undefined && c !== undefined && close(l, c) });
    }
  }
  return rows;
}
