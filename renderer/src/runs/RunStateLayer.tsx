// The canvas side of runs, kept apart from the canvas component: placed inside <ReactFlow>, it draws a state badge
// (elapsed time, and while it runs the latest point of a metric series and the line it is writing; or the one-line
// error) over every node of the shown run, follows the canvas selection, and
// opens a node's run details when it is clicked. `decorateForRun` adds state classes and edge animation.
import { useOnSelectionChange, useNodes, useReactFlow, useStore, useStoreApi, ViewportPortal, type Edge, type Node } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { lineInProgressOf } from '../../../shared/runs/lines-in-progress';
import { plainText } from '../../../shared/runs/plain-text';
import { formatDuration } from '../../../shared/runs/run-format';
import type { NodeRunState, RunState } from '../../../shared/runs/run-state';
import { formatMetricValue } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';
import { badgeError, STATE_ICONS, stateLabel } from './run-labels';
import { useNow } from './use-now';

/** Adds `run-state-<state>` to nodes of the shown run and animates edges into running nodes. */
export function decorateForRun<N extends Node, E extends Edge>(nodes: N[], edges: E[], states: RunState['nodes'] | null): { nodes: N[]; edges: E[] } {
  if (!states) return { nodes, edges };
  return {
    nodes: nodes.map((n) => {
      const state = states[n.id]?.status;
      return state ? { ...n, className: `${n.className ?? ''} run-state-${state}`.trim() } : n;
    }),
    edges: edges.map((e) => (states[e.target]?.status === 'running' ? { ...e, animated: true, className: `${e.className ?? ''} run-edge-active`.trim() } : e)),
  };
}

/** The node states of the shown run when it belongs to the open pipeline (a stable reference between log batches). */
export function useShownRunStates(): RunState['nodes'] | null {
  return useApp((s) => (s.shownRun && s.shownRun.pipelineId === s.openId ? s.shownRun.nodes : null));
}

export function RunStateLayer() {
  const states = useShownRunStates();
  const showRunNode = useApp((s) => s.showRunNode);
  const setCanvasSelection = useApp((s) => s.setCanvasSelection);
  const nodes = useNodes();
  const store = useStoreApi();
  const { fitView } = useReactFlow();
  const height = useStore((s) => s.height);
  // Opening or closing the run panel changes the canvas height: refit so no node stays hidden below its edge. Only a
  // change counts (the canvas fits itself when it opens), and fitView is queued until nodes exist: on an empty canvas
  // it would jump the view on the first drop.
  const lastHeight = useRef(0);
  useEffect(() => {
    const changed = lastHeight.current > 0 && height > 0 && height !== lastHeight.current;
    lastHeight.current = height;
    if (changed && store.getState().nodeLookup.size > 0) void fitView({ duration: 200, maxZoom: 1 });
  }, [height, fitView, store]);
  // A stable handler: a new one per render would re-register it in React Flow's store (two store updates per render).
  const onSelectionChange = useCallback(({ nodes: selected }: { nodes: Node[] }) => setCanvasSelection(selected.map((n) => n.id)), [setCanvasSelection]);
  useOnSelectionChange({ onChange: onSelectionChange });
  useEffect(() => {
    const dom = store.getState().domNode;
    if (!dom) return;
    const onClick = (e: MouseEvent) => {
      const id = (e.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
      if (!id) return;
      setCanvasSelection([id]);
      if (states?.[id]) showRunNode(id);
    };
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
  }, [store, states, showRunNode, setCanvasSelection]);
  if (!states) return null;
  return (
    <ViewportPortal>
      {nodes.map((n) => {
        const state = states[n.id];
        if (!state) return null;
        return <RunBadge key={n.id} nodeId={n.id} state={state} x={n.position.x + (n.measured?.width ?? 150)} y={n.position.y} onOpen={() => showRunNode(n.id)} />;
      })}
    </ViewportPortal>
  );
}

function RunBadge({ nodeId, state, x, y, onOpen }: { nodeId: string; state: NodeRunState; x: number; y: number; onOpen(): void }) {
  const now = useNow(state.status === 'running', 200);
  const writing = useApp((s) => lineInProgressOf(s.linesInProgress, nodeId));
  const elapsed = state.durationMs ?? (state.startedAt ? now - state.startedAt : undefined);
  const time = elapsed !== undefined ? formatDuration(elapsed) : '';
  // While it runs: the latest point of a metric series it writes, and the line it is writing (a progress bar).
  const point = state.status === 'running' && state.lastPoint && `${state.lastPoint.name} ${formatMetricValue(state.lastPoint.value)} @ ${state.lastPoint.step}`;
  const live = [time, point, writing && plainText(writing)].filter(Boolean).join(' · ');
  const detail = state.status === 'running' || state.status === 'succeeded' ? live : badgeError(state.error ?? '');
  const saved = state.cache?.hit && state.cache.sourceDurationMs !== undefined ? ` — saved ${formatDuration(state.cache.sourceDurationMs)}, the result of run ${state.cache.sourceRunId}` : '';
  return (
    <button
      type="button"
      className={`run-badge state-${state.status}`}
      style={{ transform: `translate(${x}px, ${y}px) translate(-50%, -60%)` }}
      onClick={onOpen}
      title={`${nodeId}: ${stateLabel(state.status)}${state.error ? ` — ${state.error}` : ''}${saved}`}
      data-testid={`run-badge-${nodeId}`}
      data-state={state.status}
      aria-label={`${nodeId} ${state.status}`}
    >
      {STATE_ICONS[state.status]} <span className="run-badge-detail">{detail}</span>
    </button>
  );
}

