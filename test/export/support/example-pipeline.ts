// A pipeline around one node type's example: the node with its example params, fed by shell nodes that produce each
// required input's artifact type — what the registry conformance test exports to every target.
import type { NodeTypeDefinition } from '../../../shared/nodes/node-type';
import type { Pipeline, PipelineNode } from '../../../shared/pipeline/pipeline.schema';

export function examplePipeline(definition: NodeTypeDefinition): Pipeline {
  const required = definition.inputs.filter((p) => !p.optional);
  const feeders: PipelineNode[] = required.map((port, i) => ({
    id: `feed-${i + 1}`,
    type: 'script.shell',
    params: { command: `touch {{outputs.out}}` },
    outputs: [{ id: 'out', type: port.type }],
    position: { x: 0, y: i * 120 },
  }));
  const node: PipelineNode = {
    id: 'example',
    type: definition.id,
    params: definition.example.params as Record<string, unknown>,
    ...(definition.userPorts ? { outputs: [{ id: 'result', type: 'any' as const }] } : {}),
    position: { x: 300, y: 0 },
  };
  return {
    schemaVersion: 1,
    name: `example ${definition.id}`,
    parameters: [],
    nodes: [...feeders, node],
    edges: required.map((port, i) => ({ id: `e${i + 1}`, source: `feed-${i + 1}`, sourceHandle: 'out', target: 'example', targetHandle: port.id })),
  };
}
