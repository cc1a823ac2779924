// Commands that start, cancel, list and inspect runs: node states, logs, metrics, artifacts, resume after reconnect.
import { z } from 'zod';
import type { ArtifactInfo, ArtifactPreview, LogPage, RunDetail, RunsDeleted, RunSummary } from '../runs/run-record';
import type { RunEventBatch } from '../runs/run-events';
import { runOptionsSchema } from '../runs/run-options';
import { command } from './define';

const id = z.string().min(1).max(100);
const nodeId = z.string().min(1).max(63);
const paramValue = z.union([z.string(), z.number(), z.boolean()]);
const stream = z.enum(['stdout', 'stderr', 'system']);

export const runCommands = {
  /** Runs the stored pipeline's current revision. */
  'run.start': command<RunSummary>()(() => 
    z
      .object({
        pipelineId: id,
        params: z.record(z.string(), paramValue).default({}),
        options: runOptionsSchema.default(runOptionsSchema.parse({})),
      })
      .strict(),
  ),
  /** Runs an earlier run's pipeline revision and params again: every node, or only those that did not succeed. */
  'run.rerun': command<RunSummary>()(() => z.object({ runId: id, failedOnly: z.boolean().default(false) }).strict()),
  'run.cancel': command<{ canceled: boolean }>()(() => z.object({ runId: id }).strict()),
  'run.list': command<RunSummary[]>()(() => 
    z.object({ pipelineId: id.optional(), limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  ),
  'run.get': command<RunDetail>()(() => z.object({ runId: id }).strict()),
  /** Deletes finished runs with their logs, outputs and cache entries (all or none; a running one refuses). */
  'run.delete': command<RunsDeleted>()(() => z.object({ runIds: z.array(id).min(1).max(1000) }).strict()),
  /** Events after `afterSeq` (resume after a reconnect); log lines beyond `maxLogLines` come back as gaps. */
  'run.events': command<RunEventBatch>()(() => 
    z
      .object({ runId: id, afterSeq: z.number().int().min(0), maxLogLines: z.number().int().min(0).max(100_000).default(5000) })
      .strict(),
  ),
  /** A page of a node's stored log; with `stream`, line numbers count within that stream. */
  'run.logs': command<LogPage>()(() => 
    z
      .object({
        runId: id,
        nodeId,
        stream: stream.optional(),
        from: z.number().int().min(0),
        count: z.number().int().min(1).max(50_000),
      })
      .strict(),
  ),
  /** Line numbers (as `run.logs` counts them) of lines containing `query`, case-insensitive. */
  'run.logSearch': command<{ lines: number[]; truncated: boolean }>()(() => 
    z
      .object({
        runId: id,
        nodeId,
        stream: stream.optional(),
        query: z.string().min(1).max(1000),
        limit: z.number().int().min(1).max(100_000).default(10_000),
      })
      .strict(),
  ),
  'run.artifacts': command<ArtifactInfo[]>()(() => z.object({ runId: id, nodeId: nodeId.optional() }).strict()),
  'run.artifactPreview': command<ArtifactPreview>()(() => z.object({ runId: id, nodeId, port: z.string().min(1).max(63) }).strict()),
};
