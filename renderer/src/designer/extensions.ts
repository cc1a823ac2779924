// The designer's extension points. Other features plug in here with one line each: the runner adds its Run toolbar
// button, a node run-state decoration, a Logs tab and a run inspector section; exports add an Export button.
import type { ComponentType } from 'react';
import { ProblemBadge } from './canvas/ProblemBadge';
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
  { id: 'history', title: () => 'History', component: RevisionsPanel },
];

export const inspectorSections: readonly InspectorSection[] = [];
