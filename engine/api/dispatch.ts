// dispatch(name, args): validates input with the command's zod schema, calls the handler, maps errors to {code, message}.
import { z } from 'zod';
import { ApiError, commands, isCommandName, type ApiResult } from '../../shared/api/index';
import { zodIssuesToProblems } from '../../shared/pipeline/pipeline-file';
import { storeFailureText } from '../store/store-failure';
import type { ApiContext } from './context';
import type { Handlers } from './handler-types';
import { handlers as allHandlers } from './handlers';

export type Dispatch = (name: string, args: unknown) => Promise<ApiResult>;

/**
 * Builds the dispatcher every transport calls. Unexpected errors are logged here and reported as `internal`; a database
 * that cannot be written where it lives (a full disk) as `unavailable`.
 */
export function createDispatch(ctx: ApiContext, handlers: Handlers = allHandlers): Dispatch {
  return async (name, args) => {
    if (!isCommandName(name)) {
      return { ok: false, error: { code: 'unknown_command', message: `unknown command "${name}"` } };
    }
    const parsed = (commands[name].input as z.ZodType).safeParse(args ?? {});
    if (!parsed.success) {
      const problems = zodIssuesToProblems(parsed.error.issues);
      return { ok: false, error: { code: 'invalid_input', message: `${name}: ${problems.map((p) => p.message).join('; ')}`, problems } };
    }
    try {
      const handler = handlers[name] as (a: unknown, c: ApiContext) => unknown;
      return { ok: true, value: await handler(parsed.data, ctx) };
    } catch (error) {
      if (error instanceof ApiError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) } };
      }
      // Where the database lives cannot take a write (a full disk): the user's to fix, so said plainly, not logged.
      const storeFailure = storeFailureText(error);
      if (storeFailure) return { ok: false, error: { code: 'unavailable', message: `${name} failed: cannot use the database in ${ctx.home.root}: ${storeFailure}` } };
      console.error(`pipewright: ${name} failed:`, error);
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${(error as Error).message ?? String(error)}` } };
    }
  };
}
