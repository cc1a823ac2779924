// The edge layer at far zoom (see view-detail.ts): React Flow's own edges are not mounted there, because each of them
// recomputes its geometry on every store update — 1,500 of them per frame of a node drag. This one subscription draws
// them all, under the nodes, as a few SVG paths; the layer names how many connections it shows.
import { useStore, type Edge, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { farEdgePaths, sameFarEdgePaths } from './far-edges';

const selectDomNode = (s: ReactFlowState) => s.domNode;

export const FarEdges = memo(function FarEdges({ edges }: { edges: Edge[] }) {
  const paths = useStore(
    useCallback((s: ReactFlowState) => farEdgePaths(edges, s.nodeLookup), [edges]),
    sameFarEdgePaths,
  );
  // React Flow's <ViewportPortal> looks its target up on every store update (a querySelector per drag frame); once is enough.
  const domNode = useStore(selectDomNode);
  const viewport = useMemo(() => domNode?.querySelector('.react-flow__viewport-portal'), [domNode]);
  const count = edges.filter((e) => !e.hidden).length;
  if (!viewport) return null;
  return createPortal(
    <svg
      className="far-edges"
      data-testid="far-edges"
      data-edge-count={count}
      role="img"
      aria-label={`${count} connection${count === 1 ? '' : 's'}, simplified at this zoom: zoom in to select one`}
    >
      {paths.map((p) => (
        <path key={p.className} className={p.className} d={p.d} />
      ))}
    </svg>,
    viewport,
  );
});
