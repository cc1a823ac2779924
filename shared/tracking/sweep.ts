// Hyperparameter sweeps: parse `name=1,2,3` / `name=0.1:0.5:0.1` axes and expand them to one parameter set per run
// (grid, or N seeded random samples — pure-rand's xoroshiro128+ so the same seed gives the same runs everywhere).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ParameterValues } from '../pipeline/placeholders';

type Scalar = string | number | boolean;

/** One swept parameter: explicit values, or a numeric range (step required for a grid). */
export type SweepAxis =
  | { name: string; values: Scalar[] }
  | { name: string; range: { min: number; max: number; step?: number } };

export interface SweepSpec {
  mode: 'grid' | 'random';
  axes: SweepAxis[];
  /** Random mode: how many runs. */
  samples?: number;
  /** Random mode: the seed (default 0). */
  seed?: number;
}

/** A grid larger than this is almost certainly a typo; the user can split it. */
export const MAX_SWEEP_RUNS = 1000;

export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepError';
  }
}

/** Parses one `--sweep` argument: `name=1,2,3`, `name=a,b`, `name=0.1:0.5:0.1` or (random only) `name=0.1:0.5`. */
export function parseSweepAxis(text: string): SweepAxis {
  const at = text.indexOf('=');
  if (at <= 0) throw new SweepError(`--sweep takes name=values (e.g. maxDepth=3,5,8 or testSize=0.1:0.3:0.1); got "${text}"`);
  const name = text.slice(0, at).trim();
  const body = text.slice(at + 1).trim();
  const range = /^(-?[\d.]+(?:e-?\d+)?):(-?[\d.]+(?:e-?\d+)?)(?::([\d.]+(?:e-?\d+)?))?$/.exec(body);
  if (range) {
    const [min, max, step] = [Number(range[1]), Number(range[2]), range[3] === undefined ? undefined : Number(range[3])];
    if (!(min <= max)) throw new SweepError(`${name}: a range goes from low to high; got ${min}:${max}`);
    if (step !== undefined && !(step > 0)) throw new SweepError(`${name}: the step must be positive; got ${step}`);
    return { name, range: step === undefined ? { min, max } : { min, max, step } };
  }
  const values = body.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) throw new SweepError(`${name}: empty value in "${body}"`);
  return { name, values: values.map(scalar) };
}

function scalar(text: string): Scalar {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const n = Number(text);
  return Number.isFinite(n) && /^-?[\d.]+(e-?\d+)?$/.test(text) ? n : text;
}

/** The values of a range with a step, inclusive of max (within floating-point tolerance), rounded to the step's decimals. */
function stepValues(name: string, range: { min: number; max: number; step?: number }): number[] {
  if (range.step === undefined) throw new SweepError(`${name}: a grid sweep needs a step (min:max:step)`);
  const decimals = (String(range.step).split('.')[1] ?? '').length + (String(range.min).split('.')[1] ?? '').length;
  const count = Math.floor((range.max - range.min) / range.step + 1e-9) + 1;
  return Array.from({ length: count }, (_, i) => Number((range.min + i * range.step!).toFixed(decimals)));
}

/** One parameter set per run, in a stable order (grid: last axis varies fastest). */
export function expandSweep(spec: SweepSpec): ParameterValues[] {
  if (spec.axes.length === 0) throw new SweepError('a sweep needs at least one parameter');
  const names = spec.axes.map((a) => a.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new SweepError(`parameter "${duplicate}" is swept twice`);
  return spec.mode === 'grid' ? grid(spec.axes) : random(spec);
}

function grid(axes: SweepAxis[]): ParameterValues[] {
  const lists = axes.map((axis) => ('values' in axis ? axis.values : stepValues(axis.name, axis.range)));
  const total = lists.reduce((n, list) => n * list.length, 1);
  if (total > MAX_SWEEP_RUNS) throw new SweepError(`this grid has ${total} runs (more than ${MAX_SWEEP_RUNS}); narrow it or use random sampling`);
  let combos: ParameterValues[] = [{}];
  axes.forEach((axis, i) => {
    combos = combos.flatMap((combo) => lists[i]!.map((value) => ({ ...combo, [axis.name]: value })));
  });
  return combos;
}

function random(spec: SweepSpec): ParameterValues[] {
  const samples = spec.samples ?? 0;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SWEEP_RUNS) {
    throw new SweepError(`random sampling needs a number of samples from 1 to ${MAX_SWEEP_RUNS}; got ${spec.samples}`);
  }
  const rng = xoroshiro128plus(spec.seed ?? 0);
  return Array.from({ length: samples }, () => {
    const combo: ParameterValues = {};
    for (const axis of spec.axes) {
      if ('values' in axis) combo[axis.name] = axis.values[uniformInt(rng, 0, axis.values.length - 1)]!;
      else if (axis.range.step !== undefined) {
        const options = stepValues(axis.name, axis.range);
        combo[axis.name] = options[uniformInt(rng, 0, options.length - 1)]!;
      } else {
        const { min, max } = axis.range;
        const integers = Number.isInteger(min) && Number.isInteger(max);
        combo[axis.name] = integers ? uniformInt(rng, min, max) : min + uniformFloat64(rng) * (max - min);
      }
    }
    return combo;
  });
}
