// UI state that is never saved: toasts, confirmation dialogs, connection status.
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
  showToast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
  askConfirm(request: ConfirmRequest | null): void;
  setConnection(status: ConnectionStatus): void;
}

let nextToastId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  toasts: [],
  confirm: null,
  connection: 'connecting',
  showToast(kind, text) {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, text }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  askConfirm: (confirm) => set({ confirm }),
  setConnection: (connection) => set({ connection }),
});
