// Types that make the compiler prove the handlers implement exactly the command map.
import type { CommandArgs, CommandName, CommandOutput } from '../../shared/api/index';
import type { ApiContext } from './context';

export type Handler<K extends CommandName> = (
  args: CommandArgs<K>,
  ctx: ApiContext,
) => CommandOutput<K> | Promise<CommandOutput<K>>;

/** Handlers for a subset of commands (one domain file each). */
export type HandlersFor<K extends CommandName> = { [P in K]: Handler<P> };

/** All handlers: every command, no extras. */
export type Handlers = HandlersFor<CommandName>;
