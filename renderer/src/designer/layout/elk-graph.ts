// Auto-layout input and output: the pipeline as an ELK layered graph (left to right, ports on the sides in their
// on-screen order) and the node positions ELK computed. Pure, so it is tested without a browser.
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { nodePorts } from '../../../../shared/graph/ports';
import type { NodeTypeLookup } from '../../../../shared/nodes/index';
import type { Pipeline } from '../../../../shared/pipeline/pipeline.schema';
import type { XY } from '../../../../shared/graph/graph-edit';
import type { Size } from '../../store/canvas.slice';

/** Size assumed for nodes not measured yet (off-screen nodes of a large canvas). */
export const DEFAULT_NODE_SIZE: Size = { width: 180, height: 64 };

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'SPLINES',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.componentComponent': '60',
  // Keep the user's order where the graph allows it, so re-running the layout does not shuffle nodes.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

const portId = (node: string, side: 'in' | 'out', port: string) => `${node}\u0000${side}\u0000${port}`;

/** The ELK graph of the pipeline's nodes (notes stay where they are). */
export function toElkGraph(doc: Pipeline, lookup: NodeTypeLookup, measured: ReadonlyMap<string, Size>): ElkNode {
  const children: ElkNode[] = doc.nodes.map((node) => {
    const ports = nodePorts(node, lookup(node.type));
    const size = measured.get(node.id) ?? DEFAULT_NODE_SIZE;
    const side = (id: string, where: 'WEST' | 'EAST', index: number): ElkPort => ({
      id,
      width: 8,
      height: 8,
      layoutOptions: { 'elk.port.side': where, 'elk.port.index': String(index) },
    });
    return {
      id: node.id,
      width: size.width,
      height: size.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        // ELK numbers WEST ports bottom-up, so inputs are indexed in reverse to keep them top-down.
        ...ports.inputs.map((p, i) => side(portId(node.id, 'in', p.id), 'WEST', ports.inputs.length - 1 - i)),
        ...ports.outputs.map((p, i) => side(portId(node.id, 'out', p.id), 'EAST', i)),
      ],
    };
  });
  const ids = new Set(doc.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = doc.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({
      id: e.id,
      sources: [e.sourceHandle ? portId(e.source, 'out', e.sourceHandle) : e.source],
      targets: [e.targetHandle ? portId(e.target, 'in', e.targetHandle) : e.target],
    }));
  const knownPorts = new Set(children.flatMap((c) => (c.ports ?? []).map((p) => p.id)));
  // An edge on a port that does not exist (a problem the user still has to fix) is laid out node to node.
  for (const edge of edges) {
    if (!knownPorts.has(edge.sources[0]!) && !ids.has(edge.sources[0]!)) edge.sources = [doc.edges.find((e) => e.id === edge.id)!.source];
    if (!knownPorts.has(edge.targets[0]!) && !ids.has(edge.targets[0]!)) edge.targets = [doc.edges.find((e) => e.id === edge.id)!.target];
  }
  return { id: 'root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}

/** Node positions from ELK's result, shifted so the layout's top-left corner is `origin` (where the old one was). */
export function positionsFromElk(result: ElkNode, origin: XY): Map<string, XY> {
  const children = result.children ?? [];
  const minX = Math.min(...children.map((c) => c.x ?? 0));
  const minY = Math.min(...children.map((c) => c.y ?? 0));
  return new Map(children.map((c) => [c.id, { x: Math.round((c.x ?? 0) - minX + origin.x), y: Math.round((c.y ?? 0) - minY + origin.y) }]));
}

/** The top-left corner of the current nodes, so a layout does not jump the pipeline across the canvas. */
export function layoutOrigin(doc: Pipeline): XY {
  if (doc.nodes.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...doc.nodes.map((n) => n.position.x)), y: Math.min(...doc.nodes.map((n) => n.position.y)) };
}
