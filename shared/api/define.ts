// Helpers that pair a command's zod input schema with its output type, and the result/error shapes on the wire.
import type { z } from 'zod';
import type { Problem } from '../validation/problem';

/** A command: validated input schema plus the output type (types only; outputs are produced by our own code). */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Phantom field carrying the output type; never read at run time. */
  output?: O;
}

/**
 * `command<Output>()(() => inputSchema)` — curried so the output type can be given while the input type is inferred.
 * The schema is built on first use: a process pays for the commands it validates, not for the whole API at start-up.
 */
export function command<O>() {
  return <I extends z.ZodType>(make: () => I): CommandSpec<I, O> => {
    let input: I | undefined;
    return {
      get input() {
        return (input ??= make());
      },
    };
  };
}

/** Error codes the API returns; clients branch on these, never on messages. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'invalid_pipeline'
  | 'unknown_command'
  | 'unavailable'
  | 'internal';

/** The error half of every result. `problems` carries validation findings when there are any. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  problems?: Problem[];
}

/** What travels back for every invoke, over every transport. */
export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by clients (and by handlers, to choose the code) for a failed command. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
