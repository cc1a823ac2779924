// Node-side implementations of the built-in node types, by type id (script types run the user's command instead).
import type { NodeImplementation } from './node-implementation';

export const nodeImplementations: Readonly<Record<string, NodeImplementation>> = {};
