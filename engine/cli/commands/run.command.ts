// `pipewright run <file|name>`: runs a pipeline here with prefixed live logs and a progress line; exit 0 when every
// node succeeded, 1 when the run failed or was canceled, 2 when the pipeline or the options are invalid.
import type { Command } from 'commander';
import { runOptionsSchema, type RunOptions } from '../../../shared/runs/run-options';
import { formatProblem } from '../../../shared/validation/problem';
import { RunRefusedError } from '../../runner/run-plan';
import type { RunSink } from '../../runner/run-emitter';
import { CliError, EXIT_PIPELINE_FAILED } from '../cli-error';
import type { CliContext } from '../cli-context';
import { loadPipeline } from '../pipeline-source';
import { RunJsonPrinter } from '../run-json-printer';
import { interruptHandler } from '../interrupt-handler';
import { RunTextPrinter } from '../run-text-printer';
import { runSweep, type SweepFlags } from '../run-sweep';
import { stdoutWriter } from '../stdout-writer';
import type { WriteText } from '../output-buffer';

interface RunFlags extends SweepFlags {
  param: string[];
  concurrency?: string;
  cache: boolean;
  json?: boolean;
  failFast?: boolean;
  only?: string;
  from?: string;
  to?: string;
  force?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRun(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('run a pipeline on this machine, with live logs (exit 0 succeeded, 1 failed, 2 invalid)')
    .argument('<file|name>', 'pipeline file, or the name or id of a stored pipeline')
    .option('--param <name=value>', 'set a pipeline parameter (repeatable)', collect, [])
    .option('--concurrency <n>', 'nodes run at once (default: number of CPUs)')
    .option('--no-cache', 'run every node even when a cached result matches (results are still cached)')
    .option('--force <nodes>', 'comma-separated nodes to run even when cached')
    .option('--fail-fast', 'start no new node after the first failure (default: finish independent branches)')
    .option('--only <nodes>', 'run only these comma-separated nodes (what they need comes from the cache)')
    .option('--from <node>', 'run this node and everything downstream of it')
    .option('--to <node>', 'run this node and everything it depends on')
    .option('--json', 'print the run events as JSON, one per line (a sweep: the finished sweep as one JSON object)')
    .option('--sweep <name=values>', 'sweep a parameter: name=1,2,3 or name=min:max:step (repeatable; one run per combination)', collect, [])
    .option('--sweep-random <n>', 'run N random combinations instead of the whole grid (ranges may omit the step)')
    .option('--seed <n>', 'seed of --sweep-random sampling (default 0)')
    .option('--sweep-parallel <n>', 'sweep runs at once (default 2)')
    .option('--sweep-metric <name>', 'the metric that picks the best run of a sweep (default: accuracy, f1_macro, … if reported)')
    .option('--sweep-goal <max|min>', 'whether higher or lower --sweep-metric is better (default: judged from its name)')
    .action(async (ref: string, flags: RunFlags) => {
      const options = runOptions(flags);
      const params = parseParams(flags.param);
      const loaded = loadPipeline(ref, ctx.engine);
      if (flags.sweep.length > 0) return runSweep(ctx, loaded, flags, params, options);
      if (flags.sweepRandom !== undefined) throw new CliError('--sweep-random needs at least one --sweep name=values');
      const engine = ctx.engine();
      const write = stdoutWriter();
      const printer = flags.json ? new RunJsonPrinter(write) : textPrinter(write);
      let run;
      try {
        run = engine.ctx.runner.start({
          pipeline: loaded.pipeline,
          baseDir: loaded.baseDir,
          ...(loaded.stored ? { stored: loaded.stored } : {}),
          params,
          options,
          trigger: 'cli',
          sinks: [printer as RunSink],
        });
      } catch (error) {
        if (error instanceof RunRefusedError) throw new CliError(error.problems.map((p) => `${ref}: ${formatProblem(p)}`).join('\n'));
        throw error;
      }
      const releaseSignals = interruptHandler(ctx, run.cancel);
      const finished = await run.done;
      releaseSignals();
      if (printer instanceof RunJsonPrinter) printer.flush();
      if (finished.status !== 'succeeded') throw new CliError('', EXIT_PIPELINE_FAILED);
    });
}

function textPrinter(write: WriteText): RunTextPrinter {
  const tty = process.stderr.isTTY === true;
  return new RunTextPrinter({
    write,
    ...(tty ? { progress: (text: string) => process.stderr.write(text), columns: process.stderr.columns } : {}),
    color: process.stdout.isTTY === true && !process.env['NO_COLOR'],
  });
}

function runOptions(flags: RunFlags): RunOptions {
  const scopes = (['only', 'from', 'to'] as const).filter((flag) => flags[flag] !== undefined);
  if (scopes.length > 1) throw new CliError(`use one of --only, --from and --to, not ${scopes.join(' and ')}`);
  let concurrency: number | undefined;
  if (flags.concurrency !== undefined) {
    concurrency = Number(flags.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
      throw new CliError(`--concurrency must be a whole number from 1 to 256; got "${flags.concurrency}"`);
    }
  }
  const scope =
    flags.only !== undefined
      ? { mode: 'selected' as const, nodeIds: nodeIds('--only', flags.only) }
      : flags.from !== undefined
        ? { mode: 'from' as const, nodeIds: nodeIds('--from', flags.from, 1) }
        : flags.to !== undefined
          ? { mode: 'upTo' as const, nodeIds: nodeIds('--to', flags.to, 1) }
          : { mode: 'all' as const, nodeIds: [] };
  return runOptionsSchema.parse({
    scope,
    ...(concurrency !== undefined ? { concurrency } : {}),
    noCache: !flags.cache,
    force: flags.force !== undefined ? nodeIds('--force', flags.force) : [],
    failFast: flags.failFast ?? false,
  });
}

/** The node ids an option names (comma-separated; at most `most`): an empty value is a mistake, not "every node". */
function nodeIds(flag: string, value: string, most = Infinity): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new CliError(`${flag} needs ${most === 1 ? 'a node id' : 'node ids, comma-separated'}; got "${value}"`);
  if (ids.length > most) throw new CliError(`${flag} takes one node id; got "${value}"`);
  return ids;
}

/** `--param k=v` → {k: 'v'}; values stay strings here and are coerced to each parameter's declared type. */
function parseParams(pairs: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`--param takes name=value; got "${pair}"`);
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return params;
}
