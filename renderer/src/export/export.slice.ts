// Export dialog state: open/closed, the chosen target and options, the live preview (files + capability lint) and the
// node whose problem the user clicked. The preview is refreshed by the panel whenever options or the document change.
import type { ExportPreview } from '../../../shared/api/export.commands';
import type { ExportOptionsInput } from '../../../shared/export/export-options';
import type { SliceCreator } from '../store/app-store';
import { saveExport } from './save-export';

/** Options as the form edits them: text fields stay strings ('' = not set) until a preview request is made. */
export interface ExportFormOptions {
  target: ExportOptionsInput['target'];
  runnerImage: string;
  schedule: string;
  argoKind: NonNullable<ExportOptionsInput['argoKind']>;
  namespace: string;
  secretName: string;
  workspaceSize: string;
  baseDir: string;
  /** Save the runner Dockerfile along with the export. */
  dockerfile: boolean;
}

export interface ExportSlice {
  exportOpen: boolean;
  exportOptions: ExportFormOptions;
  exportPreview: ExportPreview | null;
  exportStatus: 'idle' | 'loading' | 'error';
  exportError: string | null;
  /** The node of the problem last clicked: highlighted on the canvas. */
  exportFocusNodeId: string | null;
  openExport(open: boolean): void;
  setExportOptions(patch: Partial<ExportFormOptions>): void;
  refreshExportPreview(): Promise<void>;
  focusExportProblem(nodeId: string | null): void;
  /** Saves the previewed files: native folder dialog on the desktop, downloads in web mode. */
  saveExportFiles(): Promise<void>;
}

export const DEFAULT_EXPORT_OPTIONS: ExportFormOptions = {
  target: 'github',
  runnerImage: '',
  schedule: '',
  argoKind: 'Workflow',
  namespace: '',
  secretName: '',
  workspaceSize: '',
  baseDir: '',
  dockerfile: false,
};

/** The API's options from the form: empty fields are left out so the engine applies its defaults. */
export function requestOptions(form: ExportFormOptions): ExportOptionsInput & { runnerImage?: string } {
  const text = (key: 'runnerImage' | 'schedule' | 'namespace' | 'secretName' | 'workspaceSize' | 'baseDir') => (form[key].trim() ? { [key]: form[key].trim() } : {});
  return {
    target: form.target,
    argoKind: form.argoKind,
    ...text('runnerImage'),
    ...text('schedule'),
    ...text('namespace'),
    ...text('secretName'),
    ...text('workspaceSize'),
    ...text('baseDir'),
  } as ExportOptionsInput & { runnerImage?: string };
}

export const createExportSlice: SliceCreator<ExportSlice> = (set, get, api) => {
  let requestId = 0;
  return {
    exportOpen: false,
    exportOptions: DEFAULT_EXPORT_OPTIONS,
    exportPreview: null,
    exportStatus: 'idle',
    exportError: null,
    exportFocusNodeId: null,
    openExport: (exportOpen) => set({ exportOpen, ...(exportOpen ? {} : { exportFocusNodeId: null }) }),
    setExportOptions: (patch) => set((s) => ({ exportOptions: { ...s.exportOptions, ...patch } })),
    focusExportProblem: (exportFocusNodeId) => set({ exportFocusNodeId }),
    async refreshExportPreview() {
      const { document, revision, exportOptions } = get();
      if (!document) return;
      const id = ++requestId;
      set({ exportStatus: 'loading' });
      try {
        const preview = await api.invoke('export.preview', { document, ...(revision > 0 ? { revision } : {}), options: requestOptions(exportOptions), dockerfile: exportOptions.dockerfile });
        // A slower, older request must not overwrite a newer preview.
        if (id === requestId) set({ exportPreview: preview, exportStatus: 'idle', exportError: null });
      } catch (error) {
        if (id === requestId) set({ exportStatus: 'error', exportError: (error as Error).message });
      }
    },
    async saveExportFiles() {
      const { document, revision, exportOptions, exportPreview, showToast, nativeDialogs, pickFolder } = get();
      if (!document || !exportPreview || exportPreview.files.length === 0) return;
      try {
        const outcome = await saveExport(exportPreview.files, async (dir) => {
          const request = { document, ...(revision > 0 ? { revision } : {}), options: requestOptions(exportOptions), dockerfile: exportOptions.dockerfile, dir };
          return (await api.invoke('export.write', request)).written;
        }, nativeDialogs ? () => pickFolder('Export to folder') : undefined);
        if (outcome.kind === 'written') showToast('info', `Exported ${outcome.paths.join(', ')}`);
        if (outcome.kind === 'downloaded') showToast('info', `Downloaded ${outcome.names.join(', ')}`);
      } catch (error) {
        showToast('error', `Export failed: ${(error as Error).message}`);
      }
    },
  };
};
