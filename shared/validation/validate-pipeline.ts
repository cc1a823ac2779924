// Checks a pipeline against the node-type registry and the graph rules; returns every problem, never a boolean.
import { findCycle } from '../graph/dag';
import { isPortCompatible, nodePorts, type NodePorts } from '../graph/ports';
import { getNodeType, type NodeTypeLookup } from '../nodes/index';
import { zodIssuesToProblems } from '../pipeline/pipeline-file';
import type { Pipeline, PipelineNode } from '../pipeline/pipeline.schema';
import { referencedParameters, resolveParameterRefs, validParameterValues } from '../pipeline/placeholders';
import type { Problem } from './problem';

/** All problems of `pipeline`, errors first within each check, in document order. */
export function validatePipeline(pipeline: Pipeline, lookup: NodeTypeLookup = getNodeType): Problem[] {
  const problems: Problem[] = [];
  problems.push(...checkParameters(pipeline));
  problems.push(...checkUniqueIds(pipeline));
  const ports = new Map<string, NodePorts>();
  pipeline.nodes.forEach((node, index) => {
    const type = lookup(node.type);
    if (!type) {
      problems.push({
        severity: 'error',
        code: 'unknown-node-type',
        message: `node ${node.id} has unknown type "${node.type}" — run \`pipewright nodes\` for the list`,
        nodeId: node.id,
        path: `nodes.${index}.type`,
      });
      return;
    }
    ports.set(node.id, nodePorts(node, type));
    problems.push(...checkParams(pipeline, node, index, lookup));
  });
  problems.push(...checkEdges(pipeline, ports));
  problems.push(...checkGraph(pipeline, ports));
  return problems;
}

function checkParameters(pipeline: Pipeline): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  pipeline.parameters.forEach((p, i) => {
    if (seen.has(p.name)) {
      problems.push(err('duplicate-parameter', `parameter "${p.name}" is declared twice`, { path: `parameters.${i}.name` }));
    }
    seen.add(p.name);
    if (p.default !== undefined && typeof p.default !== p.type) {
      problems.push(
        err('parameter-default-type', `parameter "${p.name}" is a ${p.type} but its default is a ${typeof p.default}`, {
          path: `parameters.${i}.default`,
        }),
      );
    }
  });
  pipeline.nodes.forEach((node, i) => {
    for (const name of referencedParameters(node.params)) {
      const declared = pipeline.parameters.find((p) => p.name === name);
      if (!declared) {
        problems.push(
          err('unknown-parameter', `node ${node.id} uses {{params.${name}}}, but the pipeline declares no parameter "${name}"`, {
            nodeId: node.id,
            path: `nodes.${i}.params`,
          }),
        );
      } else if (declared.default === undefined) {
        problems.push({
          severity: 'warning',
          code: 'parameter-without-default',
          message: `node ${node.id} uses parameter "${name}", which has no default: give it one or pass --param ${name}=…`,
          nodeId: node.id,
          path: `nodes.${i}.params`,
        });
      }
    }
  });
  return problems;
}

function checkUniqueIds(pipeline: Pipeline): Problem[] {
  const problems: Problem[] = [];
  const nodeIds = new Set<string>();
  pipeline.nodes.forEach((n, i) => {
    if (nodeIds.has(n.id)) problems.push(err('duplicate-node-id', `two nodes have the id "${n.id}"`, { nodeId: n.id, path: `nodes.${i}.id` }));
    nodeIds.add(n.id);
  });
  const edgeIds = new Set<string>();
  pipeline.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) problems.push(err('duplicate-edge-id', `two edges have the id "${e.id}"`, { edgeId: e.id, path: `edges.${i}.id` }));
    edgeIds.add(e.id);
  });
  return problems;
}

function checkParams(pipeline: Pipeline, node: PipelineNode, index: number, lookup: NodeTypeLookup): Problem[] {
  const type = lookup(node.type)!;
  const resolved = resolveParameterRefs(node.params, validParameterValues(pipeline));
  const unknownKeys = Object.keys(node.params).filter((k) => !(k in type.params.shape));
  const problems: Problem[] = unknownKeys.map((k) =>
    err('unknown-param', `node ${node.id} has a param "${k}" that ${node.type} does not take`, {
      nodeId: node.id,
      path: `nodes.${index}.params.${k}`,
    }),
  );
  const result = type.params.safeParse(resolved);
  if (!result.success) {
    // A field still holding an unresolved {{params.x}} is reported by checkParameters, not twice here.
    const issues = result.error.issues.filter((issue) => {
      const value = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], resolved);
      return !(typeof value === 'string' && referencedParameters(value).size > 0);
    });
    problems.push(
      ...zodIssuesToProblems(issues, `nodes.${index}.params`, node.id).map((p) => ({
        ...p,
        code: 'invalid-param',
        message: `node ${node.id}: ${p.message.replace(`nodes.${index}.params.`, '')}`,
      })),
    );
  }
  return problems;
}

function checkEdges(pipeline: Pipeline, ports: Map<string, NodePorts>): Problem[] {
  const problems: Problem[] = [];
  const nodeIds = new Set(pipeline.nodes.map((n) => n.id));
  const fanIn = new Map<string, number>();
  pipeline.edges.forEach((edge, i) => {
    const at = { edgeId: edge.id, path: `edges.${i}` };
    for (const end of [edge.source, edge.target]) {
      if (!nodeIds.has(end)) problems.push(err('dangling-edge', `edge ${edge.id} points at a missing node "${end}"`, at));
    }
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) return;
    if (!edge.sourceHandle && !edge.targetHandle) return;
    const sourcePorts = ports.get(edge.source);
    const targetPorts = ports.get(edge.target);
    if (!sourcePorts || !targetPorts) return; // unknown node type, reported already
    const out = sourcePorts.outputs.find((p) => p.id === edge.sourceHandle);
    const input = targetPorts.inputs.find((p) => p.id === edge.targetHandle);
    if (!out) problems.push(err('unknown-port', `${edge.source} has no output port "${edge.sourceHandle ?? ''}"`, { ...at, nodeId: edge.source }));
    if (!input) problems.push(err('unknown-port', `${edge.target} has no input port "${edge.targetHandle ?? ''}"`, { ...at, nodeId: edge.target }));
    if (!out || !input) return;
    if (!isPortCompatible(out.type, input.type)) {
      problems.push(
        err('port-type-mismatch', `${edge.source}.${out.id} produces a ${out.type}, but ${edge.target}.${input.id} expects a ${input.type}`, {
          ...at,
          nodeId: edge.target,
        }),
      );
    }
    const key = `${edge.target}\u0000${input.id}`;
    fanIn.set(key, (fanIn.get(key) ?? 0) + 1);
    if (!input.multiple && fanIn.get(key) === 2) {
      problems.push(err('input-occupied', `${edge.target}.${input.id} takes one input but has several edges`, { ...at, nodeId: edge.target }));
    }
  });
  return problems;
}

function checkGraph(pipeline: Pipeline, ports: Map<string, NodePorts>): Problem[] {
  const problems: Problem[] = [];
  const ids = pipeline.nodes.map((n) => n.id);
  const cycle = findCycle(ids, pipeline.edges);
  if (cycle) {
    problems.push(
      err('cycle', `the pipeline has a cycle: ${[...cycle, cycle[0]].join(' → ')} — remove one of these edges`, {
        nodeId: cycle[0],
        relatedNodeIds: cycle,
      }),
    );
  }
  // Sets, not a scan of every edge per node: validation runs after each edit of pipelines with thousands of nodes.
  const connectedInputs = new Set(pipeline.edges.map((e) => `${e.target}\u0000${e.targetHandle ?? ''}`));
  const connectedNodes = new Set(pipeline.edges.flatMap((e) => [e.source, e.target]));
  pipeline.nodes.forEach((node, i) => {
    const nodeInputs = ports.get(node.id)?.inputs ?? [];
    for (const input of nodeInputs) {
      if (input.optional) continue;
      if (!connectedInputs.has(`${node.id}\u0000${input.id}`)) {
        problems.push(
          err('missing-input', `node ${node.id} needs its "${input.label}" input (${input.type}) connected`, {
            nodeId: node.id,
            path: `nodes.${i}`,
          }),
        );
      }
    }
    if (!connectedNodes.has(node.id) && pipeline.nodes.length > 1 && (ports.get(node.id)?.outputs.length ?? 0) > 0) {
      problems.push({
        severity: 'warning',
        code: 'unreachable-output',
        message: `node ${node.id} is not connected: nothing uses its outputs`,
        nodeId: node.id,
        path: `nodes.${i}`,
      });
    }
  });
  return problems;
}

function err(code: string, message: string, at: Partial<Problem>): Problem {
  return { severity: 'error', code, message, ...at };
}
