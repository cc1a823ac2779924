// Commands of experiment tracking: the experiments table (query, columns, annotations, saved view), comparison,
// metric history, lineage, HTML reports, and hyperparameter sweeps.
import { z } from 'zod';
import { runOptionsSchema } from '../runs/run-options';
import type {
  ExperimentColumns,
  ExperimentPage,
  MetricHistory,
  ModelLineageRecord,
  RunComparison,
  RunLineage,
  SweepRecord,
  SweepSummary,
} from '../tracking/experiment-records';
import { experimentQuerySchema, experimentViewSchema, type ExperimentView } from '../tracking/experiment-view';
import { MAX_SWEEP_RUNS } from '../tracking/sweep';
import { command } from './define';

const runId = z.string().min(1).max(100);
const runIds = z.array(runId).min(1).max(10_000);
const metricName = z.string().min(1).max(200);
const goal = z.enum(['max', 'min']).describe('max: higher is better; min: lower is better');
const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);
const tagKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^=,\s][^=,]*$/, 'a tag key has no "=" or "," and does not start with a space');

/** A swept parameter: explicit values, or a numeric range (a grid needs the step). */
const sweepAxisSchema = z.union([
  z.object({ name: z.string().min(1).max(100), values: z.array(scalar).min(1).max(MAX_SWEEP_RUNS) }).strict(),
  z
    .object({
      name: z.string().min(1).max(100),
      range: z.object({ min: z.number(), max: z.number(), step: z.number().positive().optional() }).strict(),
    })
    .strict(),
]);

export const sweepSpecSchema = z
  .object({
    mode: z.enum(['grid', 'random']),
    axes: z.array(sweepAxisSchema).min(1).max(20),
    samples: z.number().int().min(1).max(MAX_SWEEP_RUNS).optional(),
    seed: z.number().int().optional(),
  })
  .strict();

export const trackingCommands = {
  /** A window of the experiments table: every run of every pipeline, filtered, searched and sorted in SQLite. */
  'experiments.query': command<ExperimentPage>()(() => experimentQuerySchema),
  'experiments.columns': command<ExperimentColumns>()(() => z.object({}).strict()),
  /** Tags, note and hidden flag of one or more runs. */
  'experiments.annotate': command<{ updated: number }>()(() => 
    z
      .object({
        runIds,
        setTags: z.record(tagKey, z.string().max(500)).optional(),
        removeTags: z.array(tagKey).max(100).optional(),
        note: z.string().max(10_000).optional(),
        hidden: z.boolean().optional(),
      })
      .strict(),
  ),
  'experiments.getView': command<ExperimentView>()(() => z.object({}).strict()),
  'experiments.saveView': command<ExperimentView>()(() => z.object({ view: experimentViewSchema }).strict()),
  /** Two or more runs side by side (one run works too: the report of a single run). */
  'experiments.compare': command<RunComparison>()(() => z.object({ runIds: runIds.max(50), metric: metricName.optional() }).strict()),
  'experiments.history': command<MetricHistory>()(() => 
    z
      .object({
        pipelineName: z.string().min(1).max(200),
        metric: metricName,
        goal: goal.optional(),
        tolerance: z.number().min(0).max(10).default(0).describe('relative slack before a drop counts as a regression'),
      })
      .strict(),
  ),
  'experiments.lineage': command<RunLineage>()(() => z.object({ runId }).strict()),
  'experiments.modelLineage': command<ModelLineageRecord>()(() => 
    z.object({ name: z.string().trim().min(1).max(100), version: z.number().int().positive() }).strict(),
  ),
  /** A run or a comparison as one self-contained HTML file (charts as inline SVG). */
  'experiments.report': command<{ fileName: string; html: string }>()(() => z.object({ runIds: runIds.max(50), metric: metricName.optional() }).strict()),
  /** Starts one run per combination of the stored pipeline's current revision. */
  'sweep.start': command<SweepRecord>()(() => 
    z
      .object({
        pipelineId: z.string().min(1).max(100),
        spec: sweepSpecSchema,
        params: z.record(z.string(), scalar).default({}),
        options: runOptionsSchema.default(runOptionsSchema.parse({})),
        parallel: z.number().int().min(1).max(16).default(2),
        metric: metricName.optional(),
        goal: goal.optional(),
      })
      .strict(),
  ),
  'sweep.get': command<SweepRecord>()(() => z.object({ sweepId: z.string().min(1).max(100) }).strict()),
  'sweep.list': command<SweepSummary[]>()(() => z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict()),
  'sweep.cancel': command<{ canceled: boolean }>()(() => z.object({ sweepId: z.string().min(1).max(100) }).strict()),
};

/** Pushed when runs were tagged, noted, hidden or shown. */
export interface ExperimentsChangedEvent {
  runIds: string[];
  /** The runs were deleted. */
  deleted?: boolean;
}

/** Pushed when a sweep starts or ends a run, and when it ends. */
export interface SweepChangedEvent {
  sweepId: string;
  status: SweepRecord['status'];
  /** Combinations whose run ended, and all of them. */
  done: number;
  total: number;
}
