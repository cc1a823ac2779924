// What the host can do beyond the API's data commands: native file dialogs on the desktop, downloads in the web mode.
import type { SliceCreator } from '../store/app-store';
import { downloadText } from './save-file';

export interface HostSlice {
  /** The host shows native dialogs (the desktop app); learnt from app.info at start-up. */
  nativeDialogs: boolean;
  loadHostInfo(): Promise<void>;
  /** Native "open file" dialog: the chosen absolute path, or null (also null where there is no such dialog). */
  pickFile(extensions: readonly string[], title?: string): Promise<string | null>;
  /** Native "choose folder" dialog, or null. */
  pickFolder(title?: string): Promise<string | null>;
  /** Desktop: "Save as" dialog, the engine writes the file; web: a browser download. Resolves to a sentence for a toast, or null when cancelled. */
  saveText(fileName: string, text: string, type?: string): Promise<string | null>;
}

export const createHostSlice: SliceCreator<HostSlice> = (set, get, api) => ({
  nativeDialogs: false,
  async loadHostInfo() {
    const info = await api.invoke('app.info', {});
    set({ nativeDialogs: info.nativeDialogs });
  },
  async pickFile(extensions, title) {
    if (!get().nativeDialogs) return null;
    return (await api.invoke('host.pickFile', { extensions: [...extensions], ...(title ? { title } : {}) })).path;
  },
  async pickFolder(title) {
    if (!get().nativeDialogs) return null;
    return (await api.invoke('host.pickFolder', title ? { title } : {})).path;
  },
  async saveText(fileName, text, type) {
    if (!get().nativeDialogs) {
      downloadText(fileName, text, type);
      return `Downloaded ${fileName}`;
    }
    const { path } = await api.invoke('host.saveFile', { fileName, text });
    return path ? `Saved ${path}` : null;
  },
});
