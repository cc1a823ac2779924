// The renderer's one zustand store, built from slices (DESIGN §8); components read it with narrow selectors.
// Add a slice with one line in AppState and one in createAppStore.
import { create } from 'zustand';
import type { ApiClient } from '../../../shared/api/channel';
import { createCanvasSlice, type CanvasSlice } from './canvas.slice';
import { createClipboardSlice, type ClipboardSlice } from './clipboard.slice';
import { createAnalysisSlice, type AnalysisSlice } from '../experiments/analysis.slice';
import { createExperimentsSlice, type ExperimentsSlice } from '../experiments/experiments.slice';
import { createSweepsSlice, type SweepsSlice } from '../experiments/sweeps.slice';
import { createExportSlice, type ExportSlice } from '../export/export.slice';
import { createHostSlice, type HostSlice } from '../host/host.slice';
import { createModelsSlice, type ModelsSlice } from '../models/models.slice';
import { createDocumentSlice, type DocumentSlice } from './document.slice';
import { createHistorySlice, type HistorySlice } from './history.slice';
import { createPipelinesSlice, type PipelinesSlice } from './pipelines.slice';
import { createProblemsSlice, type ProblemsSlice } from './problems.slice';
import { createSelectionSlice, type SelectionSlice } from './selection.slice';
import { createUiSlice, type UiSlice } from './ui.slice';
import { createRunsSlice, type RunsSlice } from '../runs/runs.slice';

export type AppState = PipelinesSlice &
  DocumentSlice &
  HistorySlice &
  SelectionSlice &
  CanvasSlice &
  ProblemsSlice &
  ClipboardSlice &
  UiSlice &
  ExportSlice &
  RunsSlice &
  ModelsSlice &
  ExperimentsSlice &
  AnalysisSlice &
  SweepsSlice &
  HostSlice;

/** Signature every slice creator has: zustand's set/get plus the API client. */
export type SliceCreator<S> = (
  set: (partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => void,
  get: () => AppState,
  api: ApiClient,
) => S;

export function createAppStore(api: ApiClient) {
  return create<AppState>()((set, get) => ({
    ...createPipelinesSlice(set, get, api),
    ...createDocumentSlice(set, get, api),
    ...createHistorySlice(set, get, api),
    ...createSelectionSlice(set, get, api),
    ...createCanvasSlice(set, get, api),
    ...createProblemsSlice(set, get, api),
    ...createClipboardSlice(set, get, api),
    ...createUiSlice(set, get, api),
    ...createExportSlice(set, get, api),
    ...createRunsSlice(set, get, api),
    ...createModelsSlice(set, get, api),
    ...createExperimentsSlice(set, get, api),
    ...createAnalysisSlice(set, get, api),
    ...createSweepsSlice(set, get, api),
    ...createHostSlice(set, get, api),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
