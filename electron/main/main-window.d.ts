import { BrowserWindow } from 'electron';
export interface MainWindowOptions {
    /** Built preload script (CommonJS, out/preload/index.cjs). */
    preload: string;
    /** Window icon on Linux and Windows (macOS takes the bundle's icon). */
    icon: string;
    /** Allow the developer tools (a checkout, not a packaged app). */
    devTools: boolean;
}
export declare function createMainWindow({ preload, icon, devTools }: MainWindowOptions): BrowserWindow;
