// Handlers for pipeline.* commands: every document is parsed and checked before it reaches the store.
import { ApiError } from '../../shared/api/index';
import { parsePipelineObject, parsePipelineText, serializePipeline } from '../../shared/pipeline/pipeline-file';
import { emptyPipeline, type Pipeline } from '../../shared/pipeline/pipeline.schema';
import { validatePipeline } from '../../shared/validation/validate-pipeline';
import { importPipeline } from '../pipelines/import-pipeline';
import type { ApiContext } from './context';
import type { HandlersFor } from './handler-types';

type PipelineCommand =
  | 'pipeline.list'
  | 'pipeline.get'
  | 'pipeline.create'
  | 'pipeline.save'
  | 'pipeline.rename'
  | 'pipeline.duplicate'
  | 'pipeline.delete'
  | 'pipeline.revisions'
  | 'pipeline.revision'
  | 'pipeline.restore'
  | 'pipeline.import'
  | 'pipeline.exportFile'
  | 'pipeline.validate';

/** Parses a document from the wire; a document that doesn't match the schema is refused with its problems. */
function toDocument(value: unknown): Pipeline {
  const parsed = parsePipelineObject(value);
  if (!parsed.ok) throw new ApiError('invalid_pipeline', `the pipeline document is invalid: ${parsed.problems[0]!.message}`, parsed.problems);
  return parsed.pipeline;
}

function changed(ctx: ApiContext, id: string, revision: number | null, deleted = false): void {
  ctx.events.publish('pipeline.changed', deleted ? { id, revision, deleted } : { id, revision });
}

export const pipelineHandlers: HandlersFor<PipelineCommand> = {
  'pipeline.list': (_args, ctx) => ctx.pipelines.list(),
  'pipeline.get': ({ id }, ctx) => ctx.pipelines.get(id),
  'pipeline.create': ({ name, document }, ctx) => {
    const doc = document === undefined ? emptyPipeline(name) : { ...toDocument(document), name };
    const record = ctx.pipelines.create(doc);
    changed(ctx, record.id, record.revision);
    return record;
  },
  'pipeline.save': ({ id, document, expectedRevision }, ctx) => {
    const summary = ctx.pipelines.save(id, toDocument(document), 'save', expectedRevision);
    changed(ctx, id, summary.revision);
    return summary;
  },
  'pipeline.rename': ({ id, name }, ctx) => {
    const current = ctx.pipelines.get(id);
    const summary = ctx.pipelines.save(id, toDocument({ ...current.document, name }), 'rename');
    changed(ctx, id, summary.revision);
    return summary;
  },
  'pipeline.duplicate': ({ id, name }, ctx) => {
    const source = ctx.pipelines.get(id);
    const copy = { ...source.document, name: name ?? `${source.name} copy` };
    const record = ctx.pipelines.create(copy, `duplicate of ${source.name}`, source.sourceDir, { freeName: name === undefined });
    changed(ctx, record.id, record.revision);
    return record;
  },
  'pipeline.delete': ({ id }, ctx) => {
    ctx.pipelines.delete(id);
    changed(ctx, id, null, true);
    return { deleted: true };
  },
  'pipeline.revisions': ({ id }, ctx) => ctx.pipelines.revisions(id),
  'pipeline.revision': ({ id, revision }, ctx) => ({ revision, document: ctx.pipelines.document(id, revision) }),
  'pipeline.restore': ({ id, revision }, ctx) => {
    const old = ctx.pipelines.document(id, revision);
    const current = ctx.pipelines.get(id);
    // Keep the current name: restoring content must not collide with or undo a later rename.
    const summary = ctx.pipelines.save(id, { ...old, name: current.name }, `restore of ${revision}`);
    changed(ctx, id, summary.revision);
    return ctx.pipelines.get(id);
  },
  'pipeline.import': ({ text, fileName, replace }, ctx) => {
    const parsed = parsePipelineText(text, fileName);
    if (!parsed.ok) throw new ApiError('invalid_pipeline', `${fileName}: ${parsed.problems[0]!.message}`, parsed.problems);
    const record = importPipeline(ctx.pipelines, parsed.pipeline, { fileName, replace: replace ?? false });
    changed(ctx, record.id, record.revision);
    return record;
  },
  'pipeline.exportFile': ({ id }, ctx) => {
    const record = ctx.pipelines.get(id);
    return { fileName: `${record.name}.pipeline.json`, text: serializePipeline(record.document) };
  },
  'pipeline.validate': ({ document }) => {
    const parsed = parsePipelineObject(document);
    return parsed.ok ? validatePipeline(parsed.pipeline) : parsed.problems;
  },
};
