// Why a node was (or was not) served from the cache: the key parts and, on a miss, which of them changed.
import { formatDuration } from './run-format';

/** The parts a node's cache key is made of, each a short hash (or a list of hashes). */
export interface CacheKeyParts {
  /** `type@version`. */
  type: string;
  /** Hash of the node's resolved params. */
  params: string;
  /** Content hash of each input artifact, by input port (several for a multi-edge input). */
  inputs: Record<string, string[]>;
  /** Content hash of each file the node reads that is not an artifact: script files, data files named in params. */
  files: Record<string, string>;
  /** Hash of the environment that matters: OS, CPU architecture and the variables the command uses. */
  env: string;
}

/** The names `changed` uses: `type`, `params`, `env`, `inputs.<port>`, `files.<path>`. */
export type CacheKeyPartName = string;

/**
 * What the params and environment hashes were made of, kept with each cached result so that a later miss can say
 * which param changed and how, and which variable changed. Variables are kept as hashes of their values: a variable
 * may hold a secret.
 */
export interface CacheKeyDetail {
  /** The resolved params that were hashed (`@outputs` lists the node's output ports). */
  params: Record<string, unknown>;
  /** `platform arch`, e.g. `linux x64`. */
  platform: string;
  /** Each variable the command reads: a short hash of its value, or null when it was not set. */
  variables: Record<string, string | null>;
}

/** One param whose value differs from the last cached result's; a side is absent when the param was not set. */
export interface ParamChange {
  name: string;
  before?: unknown;
  after?: unknown;
}

/** Inside the changed `params` and `env` parts: what changed. */
export interface KeyChanges {
  params: ParamChange[];
  /** Variables whose value changed (never the values), and `platform` when the OS or CPU did. */
  env: string[];
}

/** The cache decision for one node in one run. */
export interface CacheReport {
  /** Served from the cache. */
  hit: boolean;
  /** The full key (sha-256 of the parts). */
  key: string;
  parts: CacheKeyParts;
  /** Why the cache was not used when it could not be: `disabled` (node setting), `noCache` (run option), `forced`, `sideEffects`. */
  bypass?: 'disabled' | 'noCache' | 'forced' | 'sideEffects';
  /** On a miss: the parts that differ from this node's last cached result, or null when it never had one. */
  changed?: CacheKeyPartName[] | null;
  /** On a miss whose params or environment changed: how (absent when the last result was cached without detail). */
  changes?: KeyChanges;
  /** On a hit: the run whose result was reused. */
  sourceRunId?: string;
  /** On a hit: how long the node took in that run, what the cache saved (absent for results cached before it was kept). */
  sourceDurationMs?: number;
}

/** Lists the parts of `current` that differ from `previous`, by name. */
export function changedKeyParts(previous: CacheKeyParts, current: CacheKeyParts): CacheKeyPartName[] {
  const changed: CacheKeyPartName[] = [];
  for (const part of ['type', 'params', 'env'] as const) if (previous[part] !== current[part]) changed.push(part);
  for (const group of ['inputs', 'files'] as const) {
    const names = new Set([...Object.keys(previous[group]), ...Object.keys(current[group])]);
    for (const name of [...names].sort()) {
      if (JSON.stringify(previous[group][name]) !== JSON.stringify(current[group][name])) changed.push(`${group}.${name}`);
    }
  }
  return changed;
}

/** Which params and variables differ between two details (params compared by their JSON text, in key order). */
export function keyChanges(previous: CacheKeyDetail, current: CacheKeyDetail): KeyChanges {
  const params: ParamChange[] = [];
  for (const name of unionOfKeys(previous.params, current.params)) {
    const [before, after] = [previous.params[name], current.params[name]];
    if (JSON.stringify(before) !== JSON.stringify(after)) params.push({ name, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
  }
  const env = unionOfKeys(previous.variables, current.variables).filter((name) => previous.variables[name] !== current.variables[name]);
  if (previous.platform !== current.platform) env.unshift('platform');
  return { params, env };
}

function unionOfKeys(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

/** The node time a run's cache hits saved: what the reused results took to make, summed (not wall time). */
export function cacheSavedMs(reports: Iterable<CacheReport | undefined>): number {
  let saved = 0;
  for (const report of reports) if (report?.hit) saved += report.sourceDurationMs ?? 0;
  return saved;
}

/** The cache decision in one sentence, as the node panel and the CLI say it. */
export function cacheVerdict(report: CacheReport): string {
  if (report.hit) {
    const took = report.sourceDurationMs === undefined ? '' : `, where it took ${formatDuration(report.sourceDurationMs)}`;
    return `Cache hit: nothing changed since run ${report.sourceRunId}${took}.`;
  }
  if (report.bypass) return `Ran without the cache: ${BYPASS_REASONS[report.bypass]}.`;
  if (report.changed === null || report.changed === undefined) return 'Cache miss: this node has no cached result yet.';
  if (report.changed.length === 0) return 'Cache miss: the cached result is no longer usable.';
  return `Cache miss: changed since the last cached result — ${describeChangedParts(report.changed, report.changes)}.`;
}

const BYPASS_REASONS = {
  disabled: 'caching is off for this node',
  noCache: 'the run ignored the cache',
  forced: 'forced to re-run',
  sideEffects: 'this node type acts on the world and is never cached',
} as const;

/** Longest value shown in a change; longer ones (a whole script) are cut. */
const SHOWN_VALUE = 40;

/**
 * The changed parts of a miss in words, with what changed inside params and env when known:
 * `params (n_estimators: 100 → 50), inputs.train, env (DATA_DIR)`.
 */
function describeChangedParts(changed: readonly CacheKeyPartName[], changes?: KeyChanges): string {
  return changed
    .map((part) => {
      if (part === 'params' && changes?.params.length) return `params (${changes.params.map(describeParamChange).join(', ')})`;
      if (part === 'env' && changes?.env.length) return `env (${changes.env.join(', ')})`;
      return part;
    })
    .join(', ');
}

/** `n_estimators: 100 → 50`; long values are cut around where they first differ. */
export function describeParamChange(change: ParamChange): string {
  const name = change.name === '@outputs' ? 'output ports' : change.name;
  const [before, after] = [change.before, change.after].map((value) => (value === undefined ? undefined : JSON.stringify(value)));
  // Long values (a script) are shown from a little before where they first differ, so the two sides do not look alike.
  const from = before && after ? Math.max(0, firstDifference(before, after) - 12) : 0;
  return `${name}: ${shown(before, from)} → ${shown(after, from)}`;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

function shown(text: string | undefined, from: number): string {
  if (text === undefined) return 'unset';
  const start = text.length > SHOWN_VALUE ? from : 0;
  const part = text.slice(start, start + SHOWN_VALUE);
  return `${start > 0 ? '…' : ''}${part}${start + SHOWN_VALUE < text.length ? '…' : ''}`;
}
