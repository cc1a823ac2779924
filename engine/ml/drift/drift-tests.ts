// Drift statistics: the two-sample Kolmogorov–Smirnov test, the chi-square test of homogeneity, and the population
// stability index (PSI).
import { quantile } from 'simple-statistics';
import { chiSquareSurvival, kolmogorovSurvival } from './special-functions';

export interface TestResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-sample KS test: D = the largest gap between the empirical CDFs; p from the asymptotic Kolmogorov distribution with
 * Stephens' small-sample correction, λ = (√nₑ + 0.12 + 0.11/√nₑ)·D with nₑ = n·m/(n+m) (Numerical Recipes §14.3).
 */
export function ksTwoSample(a: readonly number[], b: readonly number[]): TestResult {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const value = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i] === value) i++;
    while (j < y.length && y[j] === value) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const en = Math.sqrt((x.length * y.length) / (x.length + y.length));
  return { statistic: d, pValue: kolmogorovSurvival((en + 0.12 + 0.11 / en) * d) };
}

/** Chi-square test that two samples of categories come from the same distribution (categories × 2 table). */
export function chiSquareHomogeneity(reference: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): TestResult & { df: number } {
  const categories = [...new Set([...reference.keys(), ...current.keys()])];
  const totals = [sum(reference.values()), sum(current.values())];
  const grand = totals[0]! + totals[1]!;
  let statistic = 0;
  for (const category of categories) {
    const observed = [reference.get(category) ?? 0, current.get(category) ?? 0];
    const rowTotal = observed[0]! + observed[1]!;
    observed.forEach((o, k) => {
      const expected = (rowTotal * totals[k]!) / grand;
      if (expected > 0) statistic += (o - expected) ** 2 / expected;
    });
  }
  const df = Math.max(1, categories.length - 1);
  return { statistic, df, pValue: categories.length < 2 ? 1 : chiSquareSurvival(statistic, df) };
}

/**
 * PSI = Σ (current − reference) · ln(current / reference) over bin shares. Each count gets +0.5 first (Jeffreys
 * smoothing): with the usual floor of 0.0001, one empty bin in a small sample alone scores ~0.7 and flags drift.
 */
export function psi(referenceCounts: readonly number[], currentCounts: readonly number[]): number {
  const shares = (counts: readonly number[]) => {
    const total = counts.reduce((s, c) => s + c + 0.5, 0);
    return counts.map((c) => (c + 0.5) / total);
  };
  const r = shares(referenceCounts);
  const c = shares(currentCounts);
  return r.reduce((total, ri, k) => total + (c[k]! - ri) * Math.log(c[k]! / ri), 0);
}

/** Bin edges at the reference's quantiles (duplicates removed), so each bin holds about the same reference share. */
export function quantileEdges(reference: readonly number[], bins: number): number[] {
  const cuts = quantile([...reference], Array.from({ length: bins - 1 }, (_, k) => (k + 1) / bins)) as number[];
  return [...new Set(cuts)].sort((p, q) => p - q);
}

/** Counts per bin: bin k holds values in (edges[k−1], edges[k]]; the first and last bins are open-ended. */
export function binCounts(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    let k = 0;
    while (k < edges.length && v > edges[k]!) k++;
    counts[k]!++;
  }
  return counts;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
