// Ctrl+C during `pipewright run` (a run or a sweep): the first cancels gracefully, the second kills every node now.
import type { CliContext } from './cli-context';

/** First Ctrl+C cancels gracefully (SIGTERM to every node group); a second one kills everything now. */
export function interruptHandler(ctx: CliContext, cancel: () => void, what = 'run'): () => void {
  let asked = false;
  const handler = () => {
    if (!asked) {
      asked = true;
      ctx.warn(`\ncanceling the ${what}… (press Ctrl+C again to kill every node now)`);
      cancel();
      return;
    }
    ctx.close();
    process.exit(130);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return handler;
}
