// The native dialogs a desktop host lends the engine (Electron's `dialog`); the engine itself never imports a GUI.

/** Implemented by the desktop shell; absent in the web mode, the CLI and tests. */
export interface HostDialogs {
  /** Resolves to the chosen file, or null when cancelled. */
  pickFile(options: { extensions: string[]; title?: string }): Promise<string | null>;
  pickFolder(options: { title?: string }): Promise<string | null>;
  /** Resolves to the path to save to (the user confirmed any overwrite), or null. */
  chooseSavePath(options: { fileName: string }): Promise<string | null>;
}
