// Optional abilities a host may add to the preload bridge; the web mode has none of them and the UI adapts.

/** Options of a native "choose a file" dialog. */
export interface PickFileOptions {
  /** Accepted extensions without dots; empty means any file. */
  extensions: string[];
}

export interface HostCapabilities {
  /** Shows a native file dialog and resolves to the chosen absolute path, or null when cancelled. */
  pickFile?(options: PickFileOptions): Promise<string | null>;
}
