// Commands only a desktop host can answer (native file dialogs); the web mode reports them `unavailable`.
import { z } from 'zod';
import { command } from './define';

/** The path the user chose, or null when the dialog was cancelled. */
export interface ChosenPath {
  path: string | null;
}

const title = z.string().max(200).optional();

export const hostCommands = {
  /** Native "open file" dialog; `extensions` without dots, empty for any file. */
  'host.pickFile': command<ChosenPath>()(() => z.object({ extensions: z.array(z.string().regex(/^[A-Za-z0-9]+$/)).max(20), title }).strict()),
  /** Native "choose folder" dialog. */
  'host.pickFolder': command<ChosenPath>()(() => z.object({ title }).strict()),
  /** Native "save as" dialog; the engine writes `text` to the chosen file. */
  'host.saveFile': command<ChosenPath>()(() => 
    z.object({ fileName: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name, not a path'), text: z.string().max(50_000_000) }).strict(),
  ),
};
