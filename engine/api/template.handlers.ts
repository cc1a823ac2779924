// Handlers for template.* commands: templates are `*.pipeline.json` files in the templates folder, read on each call
// so a template added on disk shows up without a restart.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, type TemplateSummary } from '../../shared/api/index';
import { getNodeType } from '../../shared/nodes/index';
import { parsePipelineText } from '../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import type { ApiContext } from './context';
import type { HandlersFor } from './handler-types';

const SUFFIX = '.pipeline.json';

/** A template file read and checked, or the reason it could not be. */
type LoadedTemplate = { id: string; pipeline: Pipeline; missing: string[] } | { id: string; error: string };

function templateIds(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => n.endsWith(SUFFIX)).map((n) => n.slice(0, -SUFFIX.length)).sort();
}

function loadTemplate(dir: string, id: string): LoadedTemplate {
  const fileName = `${id}${SUFFIX}`;
  let text: string;
  try {
    text = readFileSync(join(dir, fileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('not_found', `there is no template "${id}"`);
    throw error;
  }
  const parsed = parsePipelineText(text, fileName);
  if (!parsed.ok) return { id, error: parsed.problems[0]!.message.startsWith(fileName) ? parsed.problems[0]!.message : `${fileName}: ${parsed.problems[0]!.message}` };
  const missing = [...new Set(parsed.pipeline.nodes.map((n) => n.type))].filter((type) => !getNodeType(type)).sort();
  return { id, pipeline: parsed.pipeline, missing };
}

function summary(loaded: LoadedTemplate): TemplateSummary {
  if ('error' in loaded) return { id: loaded.id, name: loaded.id, description: '', nodeCount: 0, missingNodeTypes: [], error: loaded.error };
  const { pipeline } = loaded;
  return { id: loaded.id, name: pipeline.name, description: pipeline.description ?? '', nodeCount: pipeline.nodes.length, missingNodeTypes: loaded.missing };
}

export const templateHandlers: HandlersFor<'template.list' | 'template.create'> = {
  'template.list': (_args, ctx: ApiContext) => templateIds(ctx.templatesDir).map((id) => summary(loadTemplate(ctx.templatesDir, id))),
  'template.create': ({ id, name }, ctx) => {
    const loaded = loadTemplate(ctx.templatesDir, id);
    if ('error' in loaded) throw new ApiError('invalid_pipeline', `template "${id}" cannot be used: ${loaded.error}`);
    if (loaded.missing.length > 0) {
      throw new ApiError('invalid_pipeline', `template "${id}" needs node types this build does not have: ${loaded.missing.join(', ')}`);
    }
    const document = { ...loaded.pipeline, name: name ?? loaded.pipeline.name };
    // Relative paths in a template (sample data next to it) resolve against the templates folder; without a name
    // given, a taken one becomes "name (2)", …
    const record = ctx.pipelines.create(document, `from template ${id}`, ctx.templatesDir, { freeName: name === undefined });
    ctx.events.publish('pipeline.changed', { id: record.id, revision: record.revision });
    return record;
  },
};
