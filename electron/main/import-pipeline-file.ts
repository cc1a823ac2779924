// File › Import… on disk: reads, checks and stores a pipeline file with its folder as the base of relative paths.
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Engine } from '../../engine/app';
import { decodeTextFile } from '../../engine/pipelines/decode-text-file';
import { importPipeline } from '../../engine/pipelines/import-pipeline';
import type { PipelineRecord } from '../../shared/api/index';
import { parsePipelineText } from '../../shared/pipeline/pipeline-file';
import { formatProblem } from '../../shared/validation/problem';

/** A file that could not be imported; the message names the file and lists every problem, one per line. */
export class PipelineFileError extends Error {
  override name = 'PipelineFileError';
}

/**
 * Imports a pipeline file as a new pipeline (a same-named one gets a unique name). Unlike the `pipeline.import`
 * command, the main process knows the file's folder, so relative paths in params resolve against it (as in the CLI).
 */
export async function importPipelineFile(engine: Pick<Engine, 'ctx'>, path: string): Promise<PipelineRecord> {
  const parsed = parsePipelineText(decodeTextFile(await readFile(path)), path);
  if (!parsed.ok) throw new PipelineFileError([`${basename(path)}:`, ...parsed.problems.map(formatProblem)].join('\n'));
  const record = importPipeline(engine.ctx.pipelines, parsed.pipeline, { fileName: basename(path), sourceDir: dirname(path) });
  engine.ctx.events.publish('pipeline.changed', { id: record.id, revision: record.revision });
  return record;
}
