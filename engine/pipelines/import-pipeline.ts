// Importing a parsed pipeline file into the store: a new pipeline, a renamed copy, or a new revision (replace).
import type { PipelineRecord } from '../../shared/api/index';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import type { PipelinesRepo } from '../store/pipelines.repo';

export interface ImportOptions {
  fileName: string;
  /** Add the file as the next revision of the same-named pipeline instead of creating a copy. */
  replace?: boolean;
  /** Folder the file came from; its relative paths resolve against it. */
  sourceDir?: string | null;
}

export function importPipeline(pipelines: PipelinesRepo, pipeline: Pipeline, options: ImportOptions): PipelineRecord {
  const reason = `import of ${options.fileName}`;
  const existing = pipelines.find(pipeline.name);
  if (existing && options.replace) {
    pipelines.save(existing.id, pipeline, reason);
    return pipelines.get(existing.id);
  }
  // A taken name gets the first free "name (2)", "name (3)", …
  return pipelines.create(pipeline, reason, options.sourceDir ?? null, { freeName: true });
}
