// The runner's items of a node's context menu: run it (or up to it, or from it), force it, show its log in the run panel.
import type { NodeMenuItem } from '../designer/extensions';
import { useApp } from '../store/store-context';

export function useRunNodeMenuItems(nodeIds: readonly string[]): NodeMenuItem[] {
  const openId = useApp((s) => s.openId);
  const run = useApp((s) => s.shownRun);
  const startRun = useApp((s) => s.startRun);
  const showRunNode = useApp((s) => s.showRunNode);
  const running = run?.status === 'running' && run.pipelineId === openId;
  const ids = [...nodeIds];
  const one = ids.length === 1;
  const shown = one && run && (run.pipelineId === openId || run.pipelineId === null) && run.nodes[ids[0]!];
  return [
    { label: one ? 'Run this node' : `Run these ${ids.length} nodes`, run: () => void startRun({ mode: 'selected', nodeIds: ids }), disabled: running },
    { label: 'Run up to here', run: () => void startRun({ mode: 'upTo', nodeIds: ids }), disabled: running },
    { label: 'Run from here', run: () => void startRun({ mode: 'from', nodeIds: ids }), disabled: running },
    { label: 'Force re-run', run: () => void startRun(undefined, ids), disabled: running },
    { label: 'Show log', run: () => showRunNode(ids[0]!, 'logs'), disabled: !shown },
  ];
}
