// What a node reports in its PIPEWRIGHT_METRICS file: one JSON object of final values (`{"accuracy": 0.97}`), or JSON
// Lines, one object per step (`{"step": 3, "loss": 0.41}`), as MLflow's log_metric(key, value, step) records a
// series. A metric's final value is the last one written; stepped values are its series, drawn as a curve.

/** One value of a series. `step` is the one the node gave, else the value's position in its series (0, 1, …). */
export interface MetricPoint {
  step: number;
  value: number;
}

/** Most points a node's series keep in all (a loop logging every batch would otherwise flood the run's events). */
export const MAX_METRIC_POINTS = 10_000;

/** One JSON object of the file: its numbers, the step it gave (if any), and why entries were skipped. */
export interface MetricRecord {
  values: Record<string, number>;
  step?: number;
  warnings: string[];
}

/** Reads one JSON object of a metrics file; undefined when the text is not one (a line of a pretty-printed object). */
export function parseMetricRecord(text: string): MetricRecord | undefined {
  const parsed = parseJson(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const values: Record<string, number> = {};
  const warnings: string[] = [];
  let step: number | undefined;
  for (const [name, value] of Object.entries(parsed)) {
    if (name === 'step') {
      if (Number.isSafeInteger(value) && (value as number) >= 0) step = value as number;
      else warnings.push(`"step" must be a whole number from 0 (${JSON.stringify(value)}); the values are kept without it`);
    } else if (typeof value === 'number' && Number.isFinite(value)) values[name] = value;
    else warnings.push(`metric "${name}" is not a finite number (${JSON.stringify(value)}); skipped`);
  }
  return { values, ...(step === undefined ? {} : { step }), warnings };
}

/** Bare NaN and ±Infinity values, which Python's json.dumps writes by default (a diverging loss). */
const NON_FINITE = /(?<=[:[,]\s*)(-?Infinity|NaN)(?=\s*[,}\]])/g;

/** JSON, also when it holds NaN or Infinity: those become strings, so only their metric is skipped, not the line. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (!text.includes('NaN') && !text.includes('Infinity')) return undefined;
    try {
      return JSON.parse(text.replace(NON_FINITE, '"$1"'));
    } catch {
      return undefined;
    }
  }
}

/** Turns records into points in order, numbering unstepped values by their position in their series. */
export class MetricSeries {
  private readonly counts = new Map<string, number>();
  /** The last value of each metric. */
  readonly final: Record<string, number> = {};
  /** Every point kept, by metric. */
  readonly points: Record<string, MetricPoint[]> = {};
  private total = 0;
  /** Set once points beyond MAX_METRIC_POINTS were dropped (their values still count as final values). */
  overflowed = false;

  /** The points of one record (as many as still fit), each with its metric's name. */
  add(record: MetricRecord): { name: string; point: MetricPoint }[] {
    const points: { name: string; point: MetricPoint }[] = [];
    for (const [name, value] of Object.entries(record.values)) {
      this.final[name] = value;
      const position = this.counts.get(name) ?? 0;
      this.counts.set(name, position + 1);
      if (this.total >= MAX_METRIC_POINTS) {
        this.overflowed = true;
        continue;
      }
      this.total++;
      const point = { step: record.step ?? position, value };
      (this.points[name] ??= []).push(point);
      points.push({ name, point });
    }
    return points;
  }
}

