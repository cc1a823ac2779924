// Resolves a CLI `<file|name>` argument to a pipeline document: a file on disk, or a pipeline stored in SQLite.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblem } from '../../shared/validation/problem';
import { parsePipelineText } from '../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import type { Engine } from '../app';
import { decodeTextFile } from '../pipelines/decode-text-file';
import { CliError } from './cli-error';

/** A pipeline ready to use, with the folder its relative paths resolve against. */
export interface LoadedPipeline {
  pipeline: Pipeline;
  /** Folder relative file params resolve against. */
  baseDir: string;
  /** Stored pipeline id and revision when it came from SQLite. */
  stored?: { id: string; revision: number };
}

/** Reads and parses a pipeline file, or fails with every problem printed (exit 2). */
export function readPipelineFile(file: string): LoadedPipeline {
  const path = resolve(file);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) throw new CliError(`${file}: no such file`);
  if (stats.isDirectory()) throw new CliError(`${file}: is a folder, not a pipeline file`);
  const parsed = parsePipelineText(decodeTextFile(readFileSync(path)), path);
  if (!parsed.ok) throw new CliError(parsed.problems.map((p) => `${file}: ${formatProblem(p)}`).join('\n'));
  return { pipeline: parsed.pipeline, baseDir: dirname(path) };
}

/** `<file|name>`: an existing file path wins; otherwise a stored pipeline by name or id. */
export function loadPipeline(ref: string, engine: () => Engine): LoadedPipeline {
  if (existsSync(ref) || /\.(json|ya?ml)$/i.test(ref)) return readPipelineFile(ref);
  const record = engine().ctx.pipelines.find(ref);
  if (!record) throw new CliError(`"${ref}" is neither a file nor a stored pipeline — \`pipewright list\` shows the stored ones`);
  return { pipeline: record.document, baseDir: record.sourceDir ?? process.cwd(), stored: { id: record.id, revision: record.revision } };
}
