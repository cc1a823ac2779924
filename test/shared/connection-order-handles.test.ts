// Run-order edges (no handles) connect any two nodes; mixing a typed handle with a run-order handle is refused.
import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../shared/graph/connection';
import { getNodeType } from '../../shared/nodes/index';

const pipeline = {
  nodes: [
    { id: 'a', type: 'script.shell', params: {}, position: { x: 0, y: 0 }, outputs: [{ id: 'out', type: 'any' as const }] },
    { id: 'b', type: 'script.shell', params: {}, position: { x: 0, y: 0 } },
  ],
  edges: [],
};

describe('run-order handles', () => {
  it('accepts an order-only edge between nodes without ports', () => {
    expect(checkConnection(pipeline, getNodeType, { source: 'a', sourceHandle: null, target: 'b', targetHandle: null })).toEqual({ ok: true });
  });

  it('refuses a typed output into a run-order handle, saying what to do', () => {
    const verdict = checkConnection(pipeline, getNodeType, { source: 'a', sourceHandle: 'out', target: 'b', targetHandle: null });
    expect(verdict).toMatchObject({ ok: false, code: 'mixed-handles' });
  });
});
