// Port resolution (type ports + user-declared ports) and the compatibility rule between artifact types.
import type { NodeTypeDefinition, PortDefinition } from '../nodes/node-type';
import type { ArtifactType, PipelineNode } from '../pipeline/pipeline.schema';

/** A node's ports as the canvas and runner see them. */
export interface NodePorts {
  inputs: PortDefinition[];
  outputs: PortDefinition[];
}

/** The type's fixed ports plus, where the type allows it, the ports the user declared on the node. */
export function nodePorts(node: Pick<PipelineNode, 'inputs' | 'outputs'>, type: NodeTypeDefinition | undefined): NodePorts {
  const user = (ports: PipelineNode['inputs']): PortDefinition[] =>
    type?.userPorts ? (ports ?? []).map((p) => ({ ...p, label: p.label ?? p.id })) : [];
  return {
    inputs: [...(type?.inputs ?? []), ...user(node.inputs)],
    outputs: [...(type?.outputs ?? []), ...user(node.outputs)],
  };
}

/** An output of type `from` may feed an input of type `to` when they match or either side is `any`. */
export function isPortCompatible(from: ArtifactType, to: ArtifactType): boolean {
  return from === to || from === 'any' || to === 'any';
}
