// What a run is asked to do: which nodes, how many at once, cache use, failure policy (validated at the API edge).
import { z } from 'zod';

/**
 * Which part of the pipeline to run. `all`: every node. `selected`: the given nodes. `upTo`: the given nodes and
 * everything they depend on. `from`: the given nodes and everything that depends on them. Upstream nodes that a
 * partial run needs but did not select are taken from the cache when it has them, else they run too.
 */
export const runScopeSchema = z
  .object({
    mode: z.enum(['all', 'selected', 'upTo', 'from']).describe('which part of the pipeline to run'),
    nodeIds: z.array(z.string().min(1)).max(10_000).default([]).describe('the nodes the mode starts from'),
  })
  .strict();

export const runOptionsSchema = z
  .object({
    scope: runScopeSchema.default({ mode: 'all', nodeIds: [] }),
    /** Nodes run at once; default: the number of CPUs. */
    concurrency: z.number().int().min(1).max(256).optional(),
    /** Ignore the cache for every node of this run (results are still stored for later runs). */
    noCache: z.boolean().default(false),
    /** Ignore the cache for these nodes only ("force re-run"). */
    force: z.array(z.string().min(1)).max(10_000).default([]),
    /** Stop starting new nodes after the first failure (default: finish every branch that does not depend on it). */
    failFast: z.boolean().default(false),
  })
  .strict();

export type RunScope = z.infer<typeof runScopeSchema>;
/** Options after defaults (what the runner receives and stores with the run). */
export type RunOptions = z.infer<typeof runOptionsSchema>;
export type RunOptionsInput = z.input<typeof runOptionsSchema>;
