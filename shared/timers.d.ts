// Timer functions exist in every host shared/ runs in (browser, Node, Electron), but neither lib.dom nor @types/node
// may be loaded here; declare just these so shared/ can debounce and retry without depending on a host.
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
