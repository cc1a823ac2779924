// The pipeline document (DESIGN §3): zod schema, types and the current schemaVersion.
import { z } from 'zod';

/** The schemaVersion this build writes; older files are migrated up to it, newer ones refused. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Node ids, port ids and parameter names: safe in file names, env vars, YAML keys and CI job names. */
export const identifierSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(63, 'must be at most 63 characters')
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and use only letters, digits, "_" and "-"');

/** A pipeline-level parameter that node params reference as `{{params.<name>}}`. */
export const pipelineParameterSchema = z
  .object({
    name: identifierSchema,
    type: z.enum(['string', 'number', 'boolean']),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    description: z.string().optional(),
  })
  .strict();

/** Artifact types flowing along edges. `any` connects to everything. */
export const artifactTypeSchema = z.enum(['dataset', 'model', 'metrics', 'report', 'endpoint', 'any']);

/** A typed port; `multiple` lets an input accept more than one edge. */
export const portSchema = z
  .object({
    id: identifierSchema,
    type: artifactTypeSchema,
    label: z.string().optional(),
    optional: z.boolean().optional(),
    multiple: z.boolean().optional(),
  })
  .strict();

/** Resource requests for exports (Kubernetes quantities) and the capability lint. */
export const nodeResourcesSchema = z
  .object({
    cpu: z
      .string()
      .regex(/^\d+(\.\d+)?m?$/, 'a CPU quantity such as "500m" or "2"')
      .optional()
      .meta({ description: 'CPU the exported job or pod asks for: "2" cores, "500m" (half a core). Not limited when run here.' }),
    memory: z
      .string()
      .regex(/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$/, 'a memory quantity such as "512Mi" or "4Gi"')
      .optional()
      .meta({ description: 'Memory the exported job or pod asks for, e.g. "512Mi" or "4Gi". Not limited when run here.' }),
    gpu: z.number().int().min(0).optional().meta({ description: 'GPUs the exported job or pod asks for.' }),
  })
  .strict();

/** A relative path or glob that cannot leave the folder it is relative to. */
function isInsideFolder(pattern: string): boolean {
  return !/^([/\\]|[A-Za-z]:)/.test(pattern) && !pattern.split(/[/\\]/).includes('..');
}

/** How the runner and the exporters treat a node, whatever its type. */
export const nodeSettingsSchema = z
  .object({
    /** Kill the node's process tree after this many seconds. */
    timeoutSeconds: z
      .number()
      .positive()
      .optional()
      .meta({ description: "Stop the node's processes after this many seconds; the node fails. Empty: no limit." }),
    /** Run again this many times after a failure. */
    retries: z.number().int().min(0).max(10).optional().meta({ description: 'Run the node again this many times after a failure (0–10). Empty: none.' }),
    /** Reuse a cached result when nothing that matters changed (default true; the default shows in the inspector). */
    cache: z
      .boolean()
      .optional()
      .meta({ default: true, description: 'Reuse the cached result when nothing the node depends on changed. Off: it always runs.' }),
    /**
     * Files whose content is part of the cache key besides those the node names itself: paths or globs inside the
     * pipeline's folder, e.g. the modules a script imports (`src/**\/*.py`).
     */
    watchFiles: z
      .array(z.string().min(1).max(500).refine(isInsideFolder, 'a path or glob inside the pipeline folder, e.g. "src/**/*.py" (no leading / and no ..)'))
      .max(50)
      .optional()
      .meta({ title: 'Watch files', description: 'Also part of the cache key: paths or globs in the pipeline folder, e.g. src/**/*.py' }),
    resources: nodeResourcesSchema.optional(),
  })
  .strict();

/** One node on the canvas: an instance of a node type with its params. */
export const pipelineNodeSchema = z
  .object({
    id: identifierSchema,
    type: z.string().min(1),
    label: z.string().optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    position: z.object({ x: z.number(), y: z.number() }).strict(),
    /** Ports declared by the user on node types that allow it (script nodes). */
    inputs: z.array(portSchema).optional(),
    outputs: z.array(portSchema).optional(),
    /** Run settings common to every node type (timeout, retries, cache, resources). */
    settings: nodeSettingsSchema.optional(),
  })
  .strict();

/** An edge, in React Flow's own names. Without handles it is an order-only dependency. */
export const pipelineEdgeSchema = z
  .object({
    id: z.string().min(1),
    source: z.string().min(1),
    sourceHandle: z.string().min(1).optional(),
    target: z.string().min(1),
    targetHandle: z.string().min(1).optional(),
  })
  .strict();

/** A sticky-note comment on the canvas; never executed. */
export const pipelineNoteSchema = z
  .object({
    id: z.string().min(1),
    text: z.string(),
    position: z.object({ x: z.number(), y: z.number() }).strict(),
    width: z.number().positive().optional(),
    height: z.number().positive().optional(),
  })
  .strict();

/** The whole pipeline file; also the payload stored in SQLite. */
export const pipelineSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    name: z
      .string()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters')
      .regex(/^[^/\\\0]+$/, 'must not contain "/", "\\" or NUL'),
    description: z.string().optional(),
    parameters: z.array(pipelineParameterSchema).default([]),
    nodes: z.array(pipelineNodeSchema).default([]),
    edges: z.array(pipelineEdgeSchema).default([]),
    notes: z.array(pipelineNoteSchema).optional(),
  })
  .strict();

export type ArtifactType = z.infer<typeof artifactTypeSchema>;
export type Port = z.infer<typeof portSchema>;
export type PipelineParameter = z.infer<typeof pipelineParameterSchema>;
export type NodeSettings = z.infer<typeof nodeSettingsSchema>;
export type PipelineNode = z.infer<typeof pipelineNodeSchema>;
export type PipelineEdge = z.infer<typeof pipelineEdgeSchema>;
export type PipelineNote = z.infer<typeof pipelineNoteSchema>;
export type Pipeline = z.infer<typeof pipelineSchema>;

/** A new, empty pipeline document. */
export function emptyPipeline(name: string): Pipeline {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, name, parameters: [], nodes: [], edges: [] };
}
