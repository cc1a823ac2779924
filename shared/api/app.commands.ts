// Commands about the app itself and the node-type catalog.
import { z } from 'zod';
import type { NodeTypeInfo } from '../nodes/node-type-info';
import { command } from './define';

/** What the UI shows in its about box and status bar. */
export interface AppInfo {
  version: string;
  /** The data folder (PIPEWRIGHT_HOME). */
  home: string;
  /** Which host serves the API: the desktop shell or `pipewright serve`. */
  host: 'desktop' | 'web' | 'cli' | 'test';
  platform: string;
  /** The host shows native file dialogs (`host.pickFile`, `host.pickFolder`, `host.saveFile`). */
  nativeDialogs: boolean;
}

export const appCommands = {
  'app.info': command<AppInfo>()(() => z.object({}).strict()),
  'nodeTypes.list': command<NodeTypeInfo[]>()(() => z.object({}).strict()),
};
