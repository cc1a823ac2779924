// Handlers for app.* and nodeTypes.* commands.
import { nodeTypes } from '../../shared/nodes/index';
import { nodeTypeInfo } from '../../shared/nodes/node-type-info';
import { APP_VERSION } from '../version';
import type { HandlersFor } from './handler-types';

export const appHandlers: HandlersFor<'app.info' | 'nodeTypes.list'> = {
  'app.info': (_args, ctx) => ({
    version: APP_VERSION,
    home: ctx.home.root,
    host: ctx.host,
    platform: process.platform,
    nativeDialogs: ctx.hostDialogs !== undefined,
  }),
  'nodeTypes.list': () => nodeTypes.map(nodeTypeInfo),
};
