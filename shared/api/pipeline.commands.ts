// Commands that list, open, save, version, import and export pipelines.
import { z } from 'zod';
import type { Pipeline } from '../pipeline/pipeline.schema';
import type { Problem } from '../validation/problem';
import { command } from './define';

/** A row of the sidebar. */
export interface PipelineSummary {
  id: string;
  name: string;
  revision: number;
  nodeCount: number;
  updatedAt: string;
}

/** A stored pipeline with its current document. */
export interface PipelineRecord extends PipelineSummary {
  createdAt: string;
  document: Pipeline;
  /** Folder relative params resolve against (the folder it was imported from), if known. */
  sourceDir: string | null;
}

/** One entry of a pipeline's history. */
export interface RevisionSummary {
  revision: number;
  createdAt: string;
  /** Why the revision exists: `create`, `save`, `rename`, `import`, `restore of 3`, … */
  reason: string;
  nodeCount: number;
}

const id = z.string().min(1);
/** Documents arrive unvalidated from the wire; the handler parses them with the pipeline schema. */
const document = z.unknown();

export const pipelineCommands = {
  'pipeline.list': command<PipelineSummary[]>()(() => z.object({}).strict()),
  'pipeline.get': command<PipelineRecord>()(() => z.object({ id }).strict()),
  'pipeline.create': command<PipelineRecord>()(() => 
    z.object({ name: z.string().trim().min(1).max(100), document: document.optional() }).strict(),
  ),
  'pipeline.save': command<PipelineSummary>()(() => 
    z.object({ id, document, expectedRevision: z.number().int().positive().optional() }).strict(),
  ),
  'pipeline.rename': command<PipelineSummary>()(() => z.object({ id, name: z.string().trim().min(1).max(100) }).strict()),
  'pipeline.duplicate': command<PipelineRecord>()(() => z.object({ id, name: z.string().trim().min(1).max(100).optional() }).strict()),
  'pipeline.delete': command<{ deleted: true }>()(() => z.object({ id }).strict()),
  'pipeline.revisions': command<RevisionSummary[]>()(() => z.object({ id }).strict()),
  'pipeline.revision': command<{ revision: number; document: Pipeline }>()(() => 
    z.object({ id, revision: z.number().int().positive() }).strict(),
  ),
  'pipeline.restore': command<PipelineRecord>()(() => z.object({ id, revision: z.number().int().positive() }).strict()),
  'pipeline.import': command<PipelineRecord>()(() => 
    z.object({ text: z.string().max(50_000_000), fileName: z.string().min(1).max(255), replace: z.boolean().optional() }).strict(),
  ),
  'pipeline.exportFile': command<{ fileName: string; text: string }>()(() => z.object({ id }).strict()),
  'pipeline.validate': command<Problem[]>()(() => z.object({ document }).strict()),
};

/** Pushed whenever a pipeline is created, saved, renamed or deleted (by any client). */
export interface PipelineChangedEvent {
  id: string;
  revision: number | null;
  deleted?: boolean;
}
