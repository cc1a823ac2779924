// Equal-width histograms for reports (profiles, residuals).
import { max, min } from 'simple-statistics';

/** `counts[i]` values fall in [edges[i], edges[i+1]) (the last bin also holds the maximum). */
export interface Histogram {
  edges: number[];
  counts: number[];
}

export function histogram(values: readonly number[], bins: number): Histogram {
  if (values.length === 0) return { edges: [], counts: [] };
  const low = min([...values]);
  const high = max([...values]);
  if (low === high) return { edges: [low, high], counts: [values.length] };
  const width = (high - low) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? high : low + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - low) / width))]!++;
  return { edges, counts };
}
