// What is selected on the canvas (nodes, edges, sticky notes). View state: never saved, never in the undo history.
import type { SliceCreator } from './app-store';

/** Selected element ids, by kind. Sets are replaced, never mutated, so selectors see changes. */
export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  notes: ReadonlySet<string>;
}

export type SelectionKind = keyof Selection;

/** One select/deselect reported by the canvas. */
export interface SelectionChange {
  id: string;
  selected: boolean;
}

export interface SelectionSlice {
  selection: Selection;
  /** Replaces the selection (kinds not given become empty). */
  select(next: Partial<Record<SelectionKind, Iterable<string>>>): void;
  /** Applies the canvas's select/deselect changes for one kind. */
  applySelectionChanges(kind: SelectionKind, changes: readonly SelectionChange[]): void;
  selectAll(): void;
  clearSelection(): void;
  /** Drops ids that no longer exist (after undo, delete, reload). */
  pruneSelection(): void;
}

const EMPTY: Selection = { nodes: new Set(), edges: new Set(), notes: new Set() };

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: EMPTY,
  select(next) {
    set({ selection: { nodes: new Set(next.nodes ?? []), edges: new Set(next.edges ?? []), notes: new Set(next.notes ?? []) } });
  },
  applySelectionChanges(kind, changes) {
    const current = get().selection[kind];
    const updated = new Set(current);
    for (const c of changes) {
      if (c.selected) updated.add(c.id);
      else updated.delete(c.id);
    }
    if (updated.size === current.size && [...updated].every((id) => current.has(id))) return;
    set({ selection: { ...get().selection, [kind]: updated } });
  },
  selectAll() {
    const doc = get().document;
    if (!doc) return;
    get().select({ nodes: doc.nodes.map((n) => n.id), notes: (doc.notes ?? []).map((n) => n.id), edges: doc.edges.map((e) => e.id) });
  },
  clearSelection() {
    const { selection } = get();
    if (selection.nodes.size + selection.edges.size + selection.notes.size > 0) set({ selection: EMPTY });
  },
  pruneSelection() {
    const { selection, document } = get();
    if (!document) return get().clearSelection();
    const keep = (ids: ReadonlySet<string>, existing: Set<string>) => [...ids].filter((id) => existing.has(id));
    const nodes = keep(selection.nodes, new Set(document.nodes.map((n) => n.id)));
    const edges = keep(selection.edges, new Set(document.edges.map((e) => e.id)));
    const notes = keep(selection.notes, new Set((document.notes ?? []).map((n) => n.id)));
    if (nodes.length !== selection.nodes.size || edges.length !== selection.edges.size || notes.length !== selection.notes.size) {
      get().select({ nodes, edges, notes });
    }
  },
});
