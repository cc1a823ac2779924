// The designer's keyboard shortcuts: one table that both the key handler and the `?` overlay read, so they never
// disagree. Copy, cut and paste are the browser's own clipboard events (see use-clipboard-events.ts).
import type { ReactFlowInstance } from '@xyflow/react';
import type { AppState } from '../../store/app-store';
import { addNoteAt } from '../actions';
import { placementPoint } from '../canvas/pointer';
import { fitToContent } from '../canvas/viewport';
import { autoLayout } from '../layout/auto-layout';

/** What a shortcut may act on. */
export interface ShortcutContext {
  state: () => AppState;
  flow: ReactFlowInstance;
}

export interface Shortcut {
  /** Keys as shown to the user (`Mod` is Ctrl, or ⌘ on macOS). */
  keys: string;
  description: string;
  matches(event: KeyboardEvent): boolean;
  run(ctx: ShortcutContext): void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;

export const shortcuts: readonly Shortcut[] = [
  { keys: 'Mod+Z', description: 'Undo', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: ({ state }) => state().undo() },
  {
    keys: 'Mod+Shift+Z  or  Mod+Y',
    description: 'Redo',
    matches: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')),
    run: ({ state }) => state().redo(),
  },
  { keys: 'Mod+C / Mod+X / Mod+V', description: 'Copy, cut, paste (also pipeline JSON or YAML from anywhere)', matches: () => false, run: () => undefined },
  { keys: 'Mod+D', description: 'Duplicate the selection', matches: (e) => mod(e) && e.key.toLowerCase() === 'd', run: ({ state }) => state().duplicateSelection() },
  { keys: 'Mod+A', description: 'Select everything', matches: (e) => mod(e) && e.key.toLowerCase() === 'a', run: ({ state }) => state().selectAll() },
  { keys: 'Delete / Backspace', description: 'Delete the selection', matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'), run: ({ state }) => state().deleteSelection() },
  { keys: 'Escape', description: 'Clear the selection', matches: (e) => e.key === 'Escape', run: ({ state }) => state().clearSelection() },
  { keys: 'Shift+L', description: 'Auto-layout left to right', matches: (e) => plain(e) && e.shiftKey && e.key === 'L', run: ({ state, flow }) => void layoutAndFit(state, flow) },
  { keys: 'Shift+F', description: 'Fit the pipeline in view', matches: (e) => plain(e) && e.shiftKey && e.key === 'F', run: ({ flow }) => fitToContent(flow) },
  { keys: 'Shift+G', description: 'Snap to grid on/off', matches: (e) => plain(e) && e.shiftKey && e.key === 'G', run: ({ state }) => state().toggleSnapToGrid() },
  { keys: 'Shift+N', description: 'Add a sticky note', matches: (e) => plain(e) && e.shiftKey && e.key === 'N', run: ({ state, flow }) => addNoteAt(state(), placementPoint(flow)) },
  {
    keys: '/',
    description: 'Search the node palette',
    matches: (e) => plain(e) && e.key === '/',
    run: () => document.getElementById('palette-search')?.focus(),
  },
  { keys: 'Mod+Enter', description: 'Run the pipeline (the Run button’s menu runs parts of it)', matches: () => false, run: () => undefined },
  {
    keys: 'Shift+F10  or  Menu',
    description: 'Open the focused node’s menu: run it, up to it, from it… (or right-click the node)',
    matches: (e) => e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'),
    run: ({ state }) => openFocusedNodeMenu(state),
  },
  { keys: 'Shift+drag', description: 'Box-select; Shift+click adds to the selection', matches: () => false, run: () => undefined },
  { keys: 'Space+drag', description: 'Pan the canvas', matches: () => false, run: () => undefined },
  { keys: '?', description: 'Show these shortcuts', matches: (e) => e.key === '?', run: ({ state }) => state().openDialog('shortcuts') },
];

/** Opens the menu of the pipeline node that has the keyboard focus, at its lower left corner. */
function openFocusedNodeMenu(state: () => AppState): void {
  const node = document.activeElement?.closest<HTMLElement>('.react-flow__node-pipeline');
  const id = node?.dataset['id'];
  if (!node || !id) return;
  const box = node.getBoundingClientRect();
  state().openNodeMenu(id, { x: box.left + 12, y: box.bottom - 6 });
}

/** Auto-layout, then fit the result in view once React Flow has the new positions. */
export async function layoutAndFit(state: () => AppState, flow: ReactFlowInstance): Promise<void> {
  if (await autoLayout(state)) requestAnimationFrame(() => fitToContent(flow));
}
