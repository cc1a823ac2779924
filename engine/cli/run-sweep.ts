// `pipewright run … --sweep name=values`: one run per combination (grid, or N seeded random samples), a line per run
// as it starts and ends, and a closing table with the best run marked. Exit 0 when every run succeeded, else 1.
import { ApiError } from '../../shared/api/index';
import { formatDuration } from '../../shared/runs/run-format';
import type { SweepRecord } from '../../shared/tracking/experiment-records';
import { primaryMetric, type MetricGoal } from '../../shared/tracking/metric-goal';
import { parseSweepAxis, SweepError, type SweepSpec } from '../../shared/tracking/sweep';
import { formatMetricValue, formatParamValue } from '../../shared/tracking/value-format';
import type { RunOptions } from '../../shared/runs/run-options';
import { formatProblem } from '../../shared/validation/problem';
import { RunRefusedError } from '../runner/run-plan';
import { CliError, EXIT_PIPELINE_FAILED } from './cli-error';
import type { CliContext } from './cli-context';
import { formatTable } from './format-table';
import { interruptHandler } from './interrupt-handler';
import type { LoadedPipeline } from './pipeline-source';

/** The sweep flags of `pipewright run`. */
export interface SweepFlags {
  sweep: string[];
  sweepRandom?: string;
  seed?: string;
  sweepParallel?: string;
  sweepMetric?: string;
  sweepGoal?: string;
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new CliError(`${flag} must be a whole number from ${min} to ${max}; got "${text}"`);
  return value;
}

/** The sweep spec from the flags (grid unless --sweep-random N). */
export function sweepSpec(flags: SweepFlags): SweepSpec {
  try {
    const axes = flags.sweep.map(parseSweepAxis);
    if (flags.sweepRandom === undefined) {
      if (flags.seed !== undefined) throw new CliError('--seed applies to --sweep-random sampling only');
      return { mode: 'grid', axes };
    }
    return { mode: 'random', axes, samples: wholeNumber('--sweep-random', flags.sweepRandom, 1, 1000), seed: flags.seed === undefined ? 0 : wholeNumber('--seed', flags.seed, 0, 2 ** 31 - 1) };
  } catch (error) {
    if (error instanceof SweepError) throw new CliError(error.message);
    throw error;
  }
}

/** Runs the sweep to the end, printing progress; `--json` prints the finished sweep as one JSON object instead. */
export async function runSweep(ctx: CliContext, loaded: LoadedPipeline, flags: SweepFlags & { json?: boolean }, params: Record<string, string>, options: RunOptions): Promise<void> {
  const spec = sweepSpec(flags);
  const parallel = flags.sweepParallel === undefined ? 2 : wholeNumber('--sweep-parallel', flags.sweepParallel, 1, 16);
  const goal = flags.sweepGoal;
  if (goal !== undefined && goal !== 'max' && goal !== 'min') throw new CliError(`--sweep-goal is max or min; got "${goal}"`);
  const engine = ctx.engine().ctx;
  const say = (line: string) => (flags.json ? undefined : ctx.print(line));
  let sweep;
  try {
    sweep = engine.tracking.sweeps.start({
      pipeline: loaded.pipeline,
      baseDir: loaded.baseDir,
      ...(loaded.stored ? { stored: loaded.stored } : {}),
      spec,
      baseParams: params,
      options,
      parallel,
      ...(flags.sweepMetric ? { metric: flags.sweepMetric } : {}),
      ...(goal ? { goal: goal as MetricGoal } : {}),
      trigger: 'cli',
      onProgress: (sweepId, event) => {
        const { runs } = engine.tracking.sweepsRepo.get(sweepId);
        const row = runs[event.position]!;
        const label = `${event.position + 1}/${runs.length} ${describeParams(row.params)}`;
        if (!event.finished) return say(`sweep ${sweepId}: run ${label} started: ${event.runId}`);
        const metric = flags.sweepMetric ?? primaryMetric(Object.keys(row.metrics));
        const score = metric && row.metrics[metric] !== undefined ? ` — ${metric} ${formatMetricValue(row.metrics[metric])}` : '';
        say(`sweep ${sweepId}: run ${label} ${event.finished.status} in ${formatDuration(event.finished.durationMs)}${score}`);
      },
    });
  } catch (error) {
    if (error instanceof RunRefusedError) throw new CliError(error.problems.map((p) => formatProblem(p)).join('\n'));
    if (error instanceof ApiError) throw new CliError(error.message);
    throw error;
  }
  const releaseSignals = interruptHandler(ctx, () => sweep.cancel(), 'sweep');
  const record = await sweep.done;
  releaseSignals();
  if (flags.json) ctx.print(JSON.stringify(record, null, 2));
  else printSummary(ctx, record);
  if (record.runs.some((r) => r.status !== 'succeeded')) throw new CliError('', EXIT_PIPELINE_FAILED);
}

function describeParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${formatParamValue(v)}`)
    .join(' ');
}

function printSummary(ctx: CliContext, record: SweepRecord): void {
  const names = record.spec.axes.map((a) => a.name);
  const metric = record.metric;
  ctx.print('');
  ctx.print(
    formatTable(
      ['', 'RUN', ...names.map((n) => n.toUpperCase()), 'STATUS', ...(metric ? [metric.toUpperCase()] : [])],
      record.runs.map((r) => [
        r.runId !== null && r.runId === record.bestRunId ? '★' : '',
        r.runId ?? '-',
        ...names.map((n) => formatParamValue(r.params[n])),
        r.status,
        ...(metric ? [formatMetricValue(r.metrics[metric])] : []),
      ]),
    ),
  );
  const best = record.runs.find((r) => r.runId === record.bestRunId);
  ctx.print(
    best && metric
      ? `sweep ${record.id} ${record.status}: best run ${best.runId} (${describeParams(best.params)}) with ${metric} ${formatMetricValue(best.metrics[metric])} (${record.goal === 'max' ? 'highest' : 'lowest'})`
      : `sweep ${record.id} ${record.status}: no run reported a metric to rank by`,
  );
}
