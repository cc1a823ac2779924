// The designer's extension points. Other features plug in here with one line each: the runner's Run button and run
// panel over the canvas, its state badges inside the canvas, its node classes and its node menu items; export adds its
// Export… panel.
import type { Edge } from '@xyflow/react';
import { useMemo, type ComponentType } from 'react';
import { ExportPanel } from '../export/ExportPanel';
import { RunPanel } from '../runs/RunPanel';
import { decorateForRun, RunStateLayer, useShownRunStates } from '../runs/RunStateLayer';
import { useRunNodeMenuItems } from '../runs/run-node-menu';
import { RunToolbar } from '../runs/RunToolbar';
import { useEditNodeMenuItems } from './canvas/edit-node-menu';
import { ProblemBadge } from './canvas/ProblemBadge';
import type { FlowNode } from './canvas/flow-elements';
import { ProblemsPanel, ProblemsTabTitle } from './problems/ProblemsPanel';
import { RevisionsPanel } from './revisions/RevisionsPanel';

/** Something drawn inside every node (problem badge, run state). Keep it small and memoised: 1,000 nodes draw it. */
export interface NodeDecoration {
  id: string;
  component: ComponentType<{ nodeId: string }>;
}

/** A control in the designer toolbar's extension slot (after the built-in groups). */
export interface ToolbarItem {
  id: string;
  component: ComponentType;
}

/** A tab of the bottom panel. `title` may show a live count. */
export interface BottomTab {
  id: string;
  title: ComponentType;
  component: ComponentType;
}

/** Drawn inside React Flow (may use its hooks and ViewportPortal), e.g. run-state badges. */
export interface CanvasLayer {
  id: string;
  component: ComponentType;
}

/** Adjusts the canvas's nodes and edges (classes, animation): a hook returning the adjustment, or null for none. */
export interface FlowDecorator {
  id: string;
  useDecorate(): ((nodes: FlowNode[], edges: Edge[]) => { nodes: FlowNode[]; edges: Edge[] }) | null;
}

/** Drawn in the canvas area, over or beside the canvas (which is `position: absolute; inset: 0` there). */
export interface WorkspaceItem {
  id: string;
  component: ComponentType;
}

/** A section of the inspector for the selected node, after the built-in ones. */
export interface InspectorSection {
  id: string;
  title: string;
  component: ComponentType<{ nodeId: string }>;
}

export const nodeDecorations: readonly NodeDecoration[] = [{ id: 'problems', component: ProblemBadge }];

export const toolbarItems: readonly ToolbarItem[] = [];

export const bottomTabs: readonly BottomTab[] = [
  { id: 'problems', title: ProblemsTabTitle, component: ProblemsPanel },
  { id: 'revisions', title: () => 'Revisions', component: RevisionsPanel },
];

export const canvasLayers: readonly CanvasLayer[] = [{ id: 'run-states', component: RunStateLayer }];

export const flowDecorators: readonly FlowDecorator[] = [{ id: 'run-states', useDecorate: useRunDecoration }];

export const workspaceItems: readonly WorkspaceItem[] = [
  { id: 'export', component: ExportPanel },
  { id: 'run-toolbar', component: RunToolbar },
  { id: 'run-panel', component: RunPanel },
];

/** Node state classes and animated edges of the run shown for the open pipeline. */
function useRunDecoration() {
  const states = useShownRunStates();
  return useMemo(() => (states ? (nodes: FlowNode[], edges: Edge[]) => decorateForRun(nodes, edges, states) : null), [states]);
}

export const inspectorSections: readonly InspectorSection[] = [];

/** One entry of a node's context menu (right-click, or Shift+F10 / the menu key on a focused node). */
export interface NodeMenuItem {
  label: string;
  run(): void;
  disabled?: boolean;
}

/** A group of a node's context menu: a hook giving the items for the nodes the menu acts on (one, or the selection). */
export interface NodeMenuSection {
  id: string;
  useItems(nodeIds: readonly string[]): NodeMenuItem[];
}

export const nodeMenuSections: readonly NodeMenuSection[] = [
  { id: 'run', useItems: useRunNodeMenuItems },
  { id: 'edit', useItems: useEditNodeMenuItems },
];
