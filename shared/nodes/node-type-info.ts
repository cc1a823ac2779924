// The serialisable view of a node type (params as JSON Schema), for `pipewright nodes --json` and outside tools.
import { z } from 'zod';
import type { NodeCategory, NodeRuntime, NodeTypeDefinition, PortDefinition } from './node-type';

/** A node type as plain JSON. */
export interface NodeTypeInfo {
  id: string;
  version: number;
  category: NodeCategory;
  title: string;
  description: string;
  icon: string;
  inputs: PortDefinition[];
  outputs: PortDefinition[];
  userPorts: boolean;
  runtime: NodeRuntime;
  /** JSON Schema of the params (defaults, descriptions, bounds and `ui` hints included). */
  params: Record<string, unknown>;
  example: { params: Record<string, unknown> };
  unsupportedTargets: Record<string, string>;
}

/** Converts a definition to its JSON form. */
export function nodeTypeInfo(definition: NodeTypeDefinition): NodeTypeInfo {
  return {
    id: definition.id,
    version: definition.version,
    category: definition.category,
    title: definition.title,
    description: definition.description,
    icon: definition.icon,
    inputs: [...definition.inputs],
    outputs: [...definition.outputs],
    userPorts: definition.userPorts ?? false,
    runtime: definition.runtime,
    params: z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    example: { params: definition.example.params as Record<string, unknown> },
    unsupportedTargets: { ...(definition.unsupportedTargets ?? {}) },
  };
}
