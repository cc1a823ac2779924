// The designer's own items of a node's context menu: duplicate and delete what the menu acts on (already selected).
import { useAppStore } from '../../store/store-context';
import type { NodeMenuItem } from '../extensions';

export function useEditNodeMenuItems(nodeIds: readonly string[]): NodeMenuItem[] {
  const store = useAppStore();
  const what = nodeIds.length === 1 ? '' : ` ${nodeIds.length} nodes`;
  return [
    { label: `Duplicate${what}`, run: () => store.getState().duplicateSelection() },
    { label: `Delete${what}`, run: () => store.getState().deleteSelection() },
  ];
}
