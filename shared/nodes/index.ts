// The node-type registry: the only list of node types (DESIGN §2). Add a type by adding its file and one line here.
import type { NodeTypeDefinition } from './node-type';
import { scriptShell } from './script.shell';

/** Every node type, in palette order within each category. */
export const nodeTypes: readonly NodeTypeDefinition[] = [scriptShell];

const byId = new Map(nodeTypes.map((definition) => [definition.id, definition]));

/** Looks a node type up by id; undefined for unknown ids (a validation problem, not a crash). */
export function getNodeType(id: string): NodeTypeDefinition | undefined {
  return byId.get(id);
}

/** Lookup signature the validator and runner accept, so tests can pass their own registry. */
export type NodeTypeLookup = (id: string) => NodeTypeDefinition | undefined;
