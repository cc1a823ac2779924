// Handlers for host.* commands: native dialogs when the host lent them to the engine, `unavailable` otherwise.
import { writeFileSync } from 'node:fs';
import { ApiError } from '../../shared/api/index';
import type { ApiContext } from './context';
import type { HandlersFor } from './handler-types';
import type { HostDialogs } from './host-dialogs';

function dialogs(ctx: ApiContext): HostDialogs {
  if (!ctx.hostDialogs) throw new ApiError('unavailable', `native dialogs exist only in the desktop app (this is the ${ctx.host} host)`);
  return ctx.hostDialogs;
}

export const hostHandlers: HandlersFor<'host.pickFile' | 'host.pickFolder' | 'host.saveFile'> = {
  'host.pickFile': async ({ extensions, title }, ctx) => ({ path: await dialogs(ctx).pickFile({ extensions, ...(title ? { title } : {}) }) }),
  'host.pickFolder': async ({ title }, ctx) => ({ path: await dialogs(ctx).pickFolder(title ? { title } : {}) }),
  'host.saveFile': async ({ fileName, text }, ctx) => {
    const path = await dialogs(ctx).chooseSavePath({ fileName });
    if (path) writeFileSync(path, text);
    return { path };
  },
};
