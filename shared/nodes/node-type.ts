// The declarative description of a node type (DESIGN §2): everything the palette, inspector, validator, runner,
// exporters, CLI and docs need to know, as data.
import type { z } from 'zod';
import type { ArtifactType } from '../pipeline/pipeline.schema';

/** Palette groups, in display order. */
export const NODE_CATEGORIES = ['data', 'train', 'evaluate', 'deploy', 'utility'] as const;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

/** Export targets every node type must either support or explicitly decline. */
export const EXPORT_TARGETS = ['github', 'gitlab', 'argo', 'kubeflow', 'tekton'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** A port a node type always has. */
export interface PortDefinition {
  /** Stable id: the edge handle, the `PIPEWRIGHT_INPUT_<ID>` variable and the artifact name. */
  id: string;
  type: ArtifactType;
  label: string;
  /** Inputs only: the node runs without it. */
  optional?: boolean;
  /** Inputs only: accepts more than one edge. */
  multiple?: boolean;
}

/** How a node's process is started: built-ins run `pipewright run-node`, scripts run the user's command. */
export type NodeRuntime = 'builtin' | 'script';

/** UI hints a params field may carry in its zod `.meta({ ui })`. */
export type ParamUiHint =
  | { kind: 'code'; language: 'shell' | 'python' | 'json' }
  | { kind: 'file'; extensions?: string[] }
  | { kind: 'keyValue' }
  | { kind: 'column' }
  | { kind: 'multiline' };

/** One node type. `P` is its params schema (a zod object whose fields all have defaults or are optional). */
export interface NodeTypeDefinition<P extends z.ZodObject = z.ZodObject> {
  /** Stable id (`data.csv`); never renamed. */
  id: string;
  /** Bumped when behaviour changes; part of the cache key. */
  version: number;
  category: NodeCategory;
  title: string;
  description: string;
  /** Icon name: `resources/icons/<icon>.svg`. */
  icon: string;
  inputs: readonly PortDefinition[];
  outputs: readonly PortDefinition[];
  /** The user may declare extra typed ports on the node (script nodes). */
  userPorts?: boolean;
  runtime: NodeRuntime;
  params: P;
  /** A small, valid use of the node: the conformance test parses, runs and exports it. */
  example: { params: z.input<P> };
  /**
   * The node acts on the world (registers a model, starts a server): the runner never serves it from the cache, and
   * exporters and the capability lint treat it specially.
   */
  sideEffects?: boolean;
  /** What does the work: the libraries (or tools) behind the implementation, as Markdown for docs/nodes.md. */
  builtOn?: string;
  /** Targets this type cannot be exported to, each with the reason shown to the user. */
  unsupportedTargets?: Partial<Record<ExportTarget, string>>;
}

/** What a node type's file declares: its definition, with the params schema as a function that builds it. */
export type NodeTypeSpec<P extends z.ZodObject> = Omit<NodeTypeDefinition<P>, 'params'> & { params: () => P };

/**
 * Keeps the params type precise at the definition site. The params schema is built the first time something reads
 * it, so a process that touches a few node types (the CLI running a pipeline) does not build them all at start-up.
 */
export function defineNodeType<P extends z.ZodObject>(spec: NodeTypeSpec<P>): NodeTypeDefinition<P> {
  const { params: buildParams, ...definition } = spec;
  let params: P | undefined;
  return {
    ...definition,
    get params() {
      return (params ??= buildParams());
    },
  };
}
