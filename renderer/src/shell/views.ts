// Top-level views, shown as tabs in the top bar. A feature adds its view with one line (e.g. Experiments, Models).
import type { ComponentType } from 'react';
import { DesignerView } from '../designer/DesignerView';
import { LazyExperimentsView } from '../experiments/LazyExperimentsView';
import { ModelsView } from '../models/ModelsView';

/** A top-level view: its tab title and the component filling the window below the top bar. */
export interface ViewExtension {
  id: string;
  title: string;
  component: ComponentType;
}

export const views: readonly ViewExtension[] = [
  { id: 'designer', title: 'Designer', component: DesignerView },
  { id: 'experiments', title: 'Experiments', component: LazyExperimentsView },
  { id: 'models', title: 'Models', component: ModelsView },
];
