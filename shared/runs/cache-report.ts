// Why a node was (or was not) served from the cache: the key parts and, on a miss, which of them changed.

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
  /** On a hit: the run whose result was reused. */
  sourceRunId?: string;
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
