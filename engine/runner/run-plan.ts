// Turns a pipeline, parameter values and a scope into the nodes to execute: validated, params resolved, ports wired.
import { ancestors, descendants, topologicalOrder } from '../../shared/graph/dag';
import { nodePorts } from '../../shared/graph/ports';
import type { NodeTypeLookup } from '../../shared/nodes/index';
import type { NodeTypeDefinition, PortDefinition } from '../../shared/nodes/node-type';
import { parameterValues, resolveParameterRefs, type ParameterValues } from '../../shared/pipeline/placeholders';
import type { NodeSettings, Pipeline, PipelineNode } from '../../shared/pipeline/pipeline.schema';
import type { RunScope } from '../../shared/runs/run-options';
import { hasErrors, type Problem } from '../../shared/validation/problem';
import { validatePipeline } from '../../shared/validation/validate-pipeline';

/** Where an input artifact comes from. */
export interface InputSource {
  nodeId: string;
  port: string;
}

/** One node as the scheduler runs it. */
export interface PlannedNode {
  id: string;
  node: PipelineNode;
  definition: NodeTypeDefinition;
  /** Params with pipeline parameters substituted and the type's defaults applied. */
  params: Record<string, unknown>;
  settings: NodeSettings;
  /** Nodes this one waits for (artifact and order-only edges). */
  upstream: string[];
  downstream: string[];
  /** Connected input ports and their sources, in edge order. */
  inputs: { port: string; sources: InputSource[] }[];
  outputs: PortDefinition[];
  /** `run`: in the asked-for scope. `reuse`: needed by the scope; taken from the cache when possible, else run. */
  role: 'run' | 'reuse';
  /** Position in topological order: ties between ready nodes go to the earlier one. */
  order: number;
}

export interface RunPlan {
  nodes: Map<string, PlannedNode>;
  /** Node ids in topological order. */
  order: string[];
  params: ParameterValues;
}

/** The pipeline cannot run as asked; `problems` says why (the same list `validate` prints). */
export class RunRefusedError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; '));
    this.name = 'RunRefusedError';
  }
}

export function planRun(
  pipeline: Pipeline,
  request: { params: Record<string, unknown>; scope: RunScope; force?: readonly string[]; lookup: NodeTypeLookup },
): RunPlan {
  const problems = validatePipeline(pipeline, request.lookup).filter((p) => p.severity === 'error');
  problems.push(...checkOverrides(pipeline, request.params), ...checkScope(pipeline, request.scope), ...checkForced(pipeline, request.force ?? []));
  if (hasErrors(problems)) throw new RunRefusedError(problems);
  let values: ParameterValues;
  try {
    values = parameterValues(pipeline, request.params);
  } catch (error) {
    throw new RunRefusedError([{ severity: 'error', code: 'invalid-parameter-value', message: (error as Error).message }]);
  }
  const missing = pipeline.parameters.filter((p) => !(p.name in values));
  if (missing.length > 0) {
    throw new RunRefusedError(
      missing.map((p) => ({ severity: 'error', code: 'missing-parameter', message: `parameter "${p.name}" has no default: pass --param ${p.name}=…` })),
    );
  }

  const { inScope, reused } = scopeNodes(pipeline, request.scope);
  const sorted = topologicalOrder(
    pipeline.nodes.map((n) => n.id),
    pipeline.edges,
  );
  if (!sorted.ok) throw new RunRefusedError([{ severity: 'error', code: 'cycle', message: `the pipeline has a cycle: ${sorted.cycle.join(' → ')}` }]);
  const order = sorted.order.filter((id) => inScope.has(id) || reused.has(id));
  const nodes = new Map<string, PlannedNode>();
  const paramProblems: Problem[] = [];
  const byId = new Map(pipeline.nodes.map((n) => [n.id, n]));
  const edgesByTarget = new Map<string, Pipeline['edges']>();
  for (const e of pipeline.edges) {
    const list = edgesByTarget.get(e.target);
    if (list) list.push(e);
    else edgesByTarget.set(e.target, [e]);
  }
  order.forEach((id, index) => {
    const node = byId.get(id)!;
    const definition = request.lookup(node.type)!;
    const parsed = definition.params.safeParse(resolveParameterRefs(node.params, values));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
      paramProblems.push({ severity: 'error', code: 'invalid-param', message: `node ${id}: ${issues}`, nodeId: id });
      return;
    }
    const edgesIn = (edgesByTarget.get(id) ?? []).filter((e) => nodes.has(e.source));
    const inputs = new Map<string, InputSource[]>();
    for (const e of edgesIn) {
      if (!e.targetHandle || !e.sourceHandle) continue;
      const sources = inputs.get(e.targetHandle);
      if (sources) sources.push({ nodeId: e.source, port: e.sourceHandle });
      else inputs.set(e.targetHandle, [{ nodeId: e.source, port: e.sourceHandle }]);
    }
    nodes.set(id, {
      id,
      node,
      definition,
      params: parsed.data as Record<string, unknown>,
      settings: node.settings ?? {},
      upstream: [...new Set(edgesIn.map((e) => e.source))],
      downstream: [],
      inputs: [...inputs].map(([port, sources]) => ({ port, sources })),
      outputs: nodePorts(node, definition).outputs,
      role: inScope.has(id) ? 'run' : 'reuse',
      order: index,
    });
  });
  if (paramProblems.length > 0) throw new RunRefusedError(paramProblems);
  for (const planned of nodes.values()) for (const up of planned.upstream) nodes.get(up)!.downstream.push(planned.id);
  return { nodes, order, params: values };
}

/** The nodes the scope asks for, and the upstream nodes they need that it did not ask for. */
function scopeNodes(pipeline: Pipeline, scope: RunScope): { inScope: Set<string>; reused: Set<string> } {
  const all = pipeline.nodes.map((n) => n.id);
  if (scope.mode === 'all') return { inScope: new Set(all), reused: new Set() };
  const inScope = new Set(scope.nodeIds);
  for (const id of scope.nodeIds) {
    const more = scope.mode === 'upTo' ? ancestors(id, pipeline.edges) : scope.mode === 'from' ? descendants(id, pipeline.edges) : new Set<string>();
    for (const m of more) inScope.add(m);
  }
  const reused = new Set<string>();
  for (const id of inScope) for (const a of ancestors(id, pipeline.edges)) if (!inScope.has(a)) reused.add(a);
  return { inScope, reused };
}

function checkOverrides(pipeline: Pipeline, params: Record<string, unknown>): Problem[] {
  const declared = new Set(pipeline.parameters.map((p) => p.name));
  return Object.keys(params)
    .filter((name) => !declared.has(name))
    .map((name) => ({
      severity: 'error' as const,
      code: 'unknown-parameter',
      message: `the pipeline has no parameter "${name}"${declared.size ? ` (it has: ${[...declared].join(', ')})` : ''}`,
    }));
}

function checkScope(pipeline: Pipeline, scope: RunScope): Problem[] {
  if (scope.mode === 'all') {
    return pipeline.nodes.length === 0 ? [{ severity: 'error', code: 'empty-pipeline', message: 'the pipeline has no nodes to run' }] : [];
  }
  if (scope.nodeIds.length === 0) return [{ severity: 'error', code: 'empty-scope', message: `run mode "${scope.mode}" needs at least one node` }];
  const ids = new Set(pipeline.nodes.map((n) => n.id));
  return scope.nodeIds
    .filter((id) => !ids.has(id))
    .map((id) => ({ severity: 'error' as const, code: 'unknown-node', message: `the pipeline has no node "${id}"`, nodeId: id }));
}

/** A node asked to run even when cached must exist: a typo would otherwise quietly reuse the cached result. */
function checkForced(pipeline: Pipeline, force: readonly string[]): Problem[] {
  const ids = new Set(pipeline.nodes.map((n) => n.id));
  return force
    .filter((id) => !ids.has(id))
    .map((id) => ({ severity: 'error' as const, code: 'unknown-node', message: `the pipeline has no node "${id}" to force re-running`, nodeId: id }));
}

/** Process slots a node takes: its CPU request rounded up (at least 1, at most the run's concurrency). */
export function nodeWeight(settings: NodeSettings, concurrency: number): number {
  const cpu = settings.resources?.cpu;
  if (!cpu) return 1;
  const cores = cpu.endsWith('m') ? Number(cpu.slice(0, -1)) / 1000 : Number(cpu);
  return Math.min(concurrency, Math.max(1, Math.ceil(cores)));
}
