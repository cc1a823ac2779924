// Canvas view state that is never saved with the pipeline and never undone: measured node sizes, snap to grid,
// whether an auto-layout is running, and an open node menu.
import type { SliceCreator } from './app-store';
import { readPreference, writePreference } from './preferences';

/** A node's rendered size, reported by React Flow. */
export interface Size {
  width: number;
  height: number;
}

/** Grid the canvas snaps to, in flow units. */
export const SNAP_GRID: [number, number] = [16, 16];

const SNAP_KEY = 'pipewright.snapToGrid';

/** An open node context menu: the nodes it acts on, and where on screen it opens. */
export interface NodeMenuRequest {
  nodeIds: readonly string[];
  x: number;
  y: number;
}

export interface CanvasSlice {
  /** Sizes by canvas element id (node id, or `note:<id>` for notes). */
  measured: ReadonlyMap<string, Size>;
  snapToGrid: boolean;
  /** Progress text while a long canvas operation (auto-layout) runs, else null. */
  canvasBusy: string | null;
  setMeasured(sizes: ReadonlyArray<{ id: string; size: Size }>): void;
  toggleSnapToGrid(): void;
  setCanvasBusy(text: string | null): void;
  nodeMenu: NodeMenuRequest | null;
  /**
   * Opens the context menu of a node at a screen point. It acts on the selection when the node is part of a larger
   * one (as a file manager's menu does); otherwise the node becomes the selection.
   */
  openNodeMenu(nodeId: string, at: { x: number; y: number }): void;
  closeNodeMenu(): void;
}

export const createCanvasSlice: SliceCreator<CanvasSlice> = (set, get) => ({
  measured: new Map(),
  snapToGrid: readPreference(SNAP_KEY, true),
  canvasBusy: null,
  setMeasured(sizes) {
    const measured = new Map(get().measured);
    let changed = false;
    for (const { id, size } of sizes) {
      const old = measured.get(id);
      if (old && old.width === size.width && old.height === size.height) continue;
      measured.set(id, size);
      changed = true;
    }
    if (changed) set({ measured });
  },
  toggleSnapToGrid() {
    const snapToGrid = !get().snapToGrid;
    writePreference(SNAP_KEY, snapToGrid);
    set({ snapToGrid });
  },
  setCanvasBusy: (canvasBusy) => set({ canvasBusy }),
  nodeMenu: null,
  openNodeMenu(nodeId, at) {
    const selected = get().selection.nodes;
    const inSelection = selected.has(nodeId) && selected.size > 1;
    if (!inSelection) get().select({ nodes: [nodeId] });
    set({ nodeMenu: { nodeIds: inSelection ? [...selected] : [nodeId], ...at } });
  },
  closeNodeMenu: () => set({ nodeMenu: null }),
});
