// Auto-layout left to right with elkjs (layered/Sugiyama with port constraints: typed ports stay on their sides and in
// order, which dagre cannot do) in a web worker. The result is applied as one undo step.
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';
import ElkConstructor from 'elkjs/lib/elk-api.js';
import { moveElements } from '../../../../shared/graph/graph-edit';
import { getNodeType } from '../../../../shared/nodes/index';
import type { AppState } from '../../store/app-store';
import { layoutOrigin, positionsFromElk, toElkGraph } from './elk-graph';

let elk: ElkApi | null = null;

function layoutEngine(): ElkApi {
  elk ??= new ElkConstructor({ workerFactory: () => new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' }) });
  return elk;
}

/** Lays the open pipeline out; shows progress on the canvas and reports failures as a toast. Resolves when applied. */
export async function autoLayout(state: () => AppState): Promise<boolean> {
  const doc = state().document;
  if (!doc || doc.nodes.length === 0 || state().canvasBusy) return false;
  state().setCanvasBusy(`Laying out ${doc.nodes.length} node${doc.nodes.length === 1 ? '' : 's'}…`);
  try {
    const result = await layoutEngine().layout(toElkGraph(doc, getNodeType, state().measured));
    const positions = positionsFromElk(result, layoutOrigin(doc));
    // Apply to the current document: edits made while the layout ran are kept, only positions change.
    state().updateDocument((current) => moveElements(current, positions));
    return true;
  } catch (error) {
    state().showToast('error', `Auto-layout failed: ${(error as Error).message}`);
    return false;
  } finally {
    state().setCanvasBusy(null);
  }
}
