// UI state that is never saved with a pipeline: toasts, confirmation and other dialogs, the active view and bottom
// tab, connection status.
import type { ConnectionStatus } from '../../../shared/api/ws-channel';
import type { SliceCreator } from './app-store';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
}

export interface UiSlice {
  toasts: Toast[];
  confirm: ConfirmRequest | null;
  connection: ConnectionStatus;
  /** Id of the open dialog (`shortcuts`, `templates`, or one a feature registers), or null. */
  dialog: string | null;
  /** Id of the top-level view (see shell/extensions.ts). */
  view: string;
  /** Id of the bottom panel's open tab, or null when the panel is collapsed. */
  bottomTab: string | null;
  showToast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
  askConfirm(request: ConfirmRequest | null): void;
  setConnection(status: ConnectionStatus): void;
  openDialog(id: string | null): void;
  setView(id: string): void;
  setBottomTab(id: string | null): void;
}

let nextToastId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  toasts: [],
  confirm: null,
  connection: 'connecting',
  dialog: null,
  view: 'designer',
  bottomTab: null,
  showToast(kind, text) {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, text }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  askConfirm: (confirm) => set({ confirm }),
  setConnection: (connection) => set({ connection }),
  openDialog: (dialog) => set({ dialog }),
  setView: (view) => set({ view }),
  setBottomTab: (bottomTab) => set({ bottomTab }),
});
