import { type BrowserWindow } from 'electron';
import type { Engine } from '../../engine/app';
import type { CurrentPipeline } from './current-pipeline';
import type { MenuActions } from './menu-template';
export declare function createMenuActions(engine: Engine, current: CurrentPipeline, window: () => BrowserWindow | null): MenuActions;
