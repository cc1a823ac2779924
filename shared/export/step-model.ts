// The neutral step model every exporter works from (like Elyra's one operation model per processor): a pipeline plus
// the node-type registry become ordered steps with their image, command, environment, artifacts and dependencies.
import { topologicalOrder } from '../graph/dag';
import { nodePorts } from '../graph/ports';
import type { NodeTypeLookup } from '../nodes/index';
import type { NodeTypeDefinition } from '../nodes/node-type';
import { artifactFileName, inputEnvName, outputEnvName } from '../nodes/node-contract';
import type { ArtifactType, NodeSettings, Pipeline, PipelineParameter } from '../pipeline/pipeline.schema';
import { sortKeysDeep } from '../pipeline/pipeline-file';
import type { ExportStamp } from './export-header';
import { graphFingerprint } from './fingerprint';
import { toRunTimeRefs } from './run-time-refs';
import { parseCommand, type CommandPart } from './script-command';
import { parseTemplate, templateRefs, type ValueTemplate } from './value-template';

/** A connected input port and the outputs that feed it (several for a `multiple` input). */
export interface StepInput {
  port: string;
  type: ArtifactType;
  /** `PIPEWRIGHT_INPUT_<PORT>`. */
  envName: string;
  multiple: boolean;
  /** The outputs feeding this input; `file` is the artifact's file name (see artifactFileName). */
  sources: ArtifactSource[];
}

/** One producer output feeding an input. */
export interface ArtifactSource {
  step: string;
  port: string;
  file: string;
}

/** An output port the step writes. */
export interface StepOutput {
  port: string;
  type: ArtifactType;
  /** `PIPEWRIGHT_OUTPUT_<PORT>`. */
  envName: string;
  /** File name of the artifact: `<port>.csv` for datasets, `<port>.json` for metrics, else `<port>`. */
  file: string;
}

/** One node as a unit of work in any target. */
export interface ExportStep {
  /** The node id: job name, task name and artifact folder. */
  id: string;
  label: string;
  definition: NodeTypeDefinition;
  /** Container image: the runner image for built-ins, the node's `image` param for script nodes. */
  image: string;
  /** Built-in nodes: PIPEWRIGHT_PARAMS, with parameters and secrets as run-time references. */
  paramsJson: string;
  /** Script nodes: the command (parsed) and the user's extra environment. */
  script?: { command: CommandPart[]; env: Array<{ name: string; value: ValueTemplate }> };
  inputs: StepInput[];
  outputs: StepOutput[];
  /** Steps that must finish first (artifact and order-only edges), in pipeline order. */
  needs: string[];
  settings: NodeSettings;
  /** Pipeline parameters this step reads, sorted. */
  parameters: string[];
  /** Secrets this step reads, sorted. */
  secrets: string[];
}

/** A pipeline ready for the exporters. */
export interface ExportModel {
  stamp: ExportStamp;
  description?: string;
  parameters: PipelineParameter[];
  /** In topological order (ties in document order), so every export lists jobs the same way. */
  steps: ExportStep[];
  /** Every secret any step reads, sorted. */
  secrets: string[];
}

/** Builds the model. The pipeline must be valid (no cycles, known types): exportPipeline checks that first. */
export function buildExportModel(pipeline: Pipeline, lookup: NodeTypeLookup, runnerImage: string, revision?: number): ExportModel {
  const declared = new Set(pipeline.parameters.map((p) => p.name));
  const isParameter = (name: string) => declared.has(name);
  const sorted = topologicalOrder(
    pipeline.nodes.map((n) => n.id),
    pipeline.edges,
  );
  if (!sorted.ok) throw new Error(`the pipeline has a cycle: ${sorted.cycle.join(' → ')}`);
  const rank = new Map(sorted.order.map((id, i) => [id, i]));
  const byId = new Map(pipeline.nodes.map((n) => [n.id, n]));

  const definitions = new Map(
    pipeline.nodes.map((n) => {
      const definition = lookup(n.type);
      if (!definition) throw new Error(`node ${n.id} has unknown type "${n.type}"`);
      return [n.id, { definition, ports: nodePorts(n, definition) }];
    }),
  );
  const fileOf = (step: string, port: string): string => {
    const output = definitions.get(step)!.ports.outputs.find((p) => p.id === port);
    return artifactFileName(port, output?.type ?? 'any');
  };

  const steps = sorted.order.map((id): ExportStep => {
    const node = byId.get(id)!;
    const { definition, ports } = definitions.get(id)!;
    const incoming = pipeline.edges.filter((e) => e.target === id);
    const inputs = ports.inputs.flatMap((p): StepInput[] => {
      const sources = incoming.filter((e) => e.targetHandle === p.id && e.sourceHandle).map((e) => ({ step: e.source, port: e.sourceHandle!, file: fileOf(e.source, e.sourceHandle!) }));
      return sources.length === 0 ? [] : [{ port: p.id, type: p.type, envName: inputEnvName(p.id), multiple: Boolean(p.multiple), sources }];
    });
    const params = sortKeysDeep(node.params) as Record<string, unknown>;
    const parsed = definition.params.safeParse(params);
    const withDefaults = (parsed.success ? parsed.data : params) as Record<string, unknown>;
    const script = runsOwnCommand(definition) ? scriptOf(node.params, withDefaults, isParameter) : undefined;
    const refs = (kind: 'param' | 'secret') => {
      const all = new Set<string>();
      const visit = (value: unknown): void => {
        if (typeof value === 'string') for (const name of templateRefs(parseTemplate(value, isParameter), kind)) all.add(name);
        else if (value && typeof value === 'object') Object.values(value).forEach(visit);
      };
      visit(node.params);
      return [...all].sort();
    };
    return {
      id,
      label: node.label ?? id,
      definition,
      image: script ? String(withDefaults['image'] ?? 'debian:12-slim') : runnerImage,
      // A script node's command is the job's own script, so its PIPEWRIGHT_PARAMS leaves it out.
      paramsJson: JSON.stringify(toRunTimeRefs(script ? omit(params, 'command') : params, isParameter)),
      ...(script ? { script } : {}),
      inputs,
      outputs: ports.outputs.map((p) => ({ port: p.id, type: p.type, envName: outputEnvName(p.id), file: artifactFileName(p.id, p.type) })),
      needs: [...new Set(incoming.map((e) => e.source))].sort((a, b) => rank.get(a)! - rank.get(b)!),
      settings: node.settings ?? {},
      parameters: refs('param'),
      secrets: refs('secret'),
    };
  });
  return {
    stamp: { pipeline: pipeline.name, fingerprint: graphFingerprint(pipeline), ...(revision === undefined ? {} : { revision }) },
    ...(pipeline.description ? { description: pipeline.description } : {}),
    parameters: pipeline.parameters,
    steps,
    secrets: [...new Set(steps.flatMap((s) => s.secrets))].sort(),
  };
}

function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}

/** Script nodes with a `command` param run it in their own image; every other type runs `pipewright run-node`. */
export function runsOwnCommand(definition: NodeTypeDefinition): boolean {
  return definition.runtime === 'script' && 'command' in definition.params.shape;
}

function scriptOf(raw: Record<string, unknown>, withDefaults: Record<string, unknown>, isParameter: (name: string) => boolean): ExportStep['script'] {
  const env = (withDefaults['env'] ?? {}) as Record<string, unknown>;
  return {
    command: parseCommand(String(withDefaults['command'] ?? ''), raw, isParameter),
    env: Object.keys(env)
      .sort()
      .map((name) => ({ name, value: parseTemplate(String(env[name]), isParameter) })),
  };
}
