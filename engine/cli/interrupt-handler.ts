// Ctrl+C during `pipewright run` (a run or a sweep): the first cancels gracefully, the second kills every node now.
// A closed terminal (SIGHUP) cancels too, silently (hangup.ts).
import type { CliContext } from './cli-context';
import { noteHangup } from './hangup';

/**
 * First Ctrl+C (or SIGTERM) cancels gracefully (SIGTERM to every node group); a second one kills everything now.
 * Returns the function that removes the handlers once the run is over.
 */
export function interruptHandler(ctx: CliContext, cancel: () => void, what = 'run'): () => void {
  let asked = false;
  const interrupt = () => {
    if (!asked) {
      asked = true;
      ctx.warn(`\ncanceling the ${what}… (press Ctrl+C again to kill every node now)`);
      cancel();
      return;
    }
    ctx.close();
    process.exit(130);
  };
  const hangup = () => {
    noteHangup();
    if (asked) return;
    asked = true;
    cancel();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  process.on('SIGHUP', hangup);
  return () => {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    process.off('SIGHUP', hangup);
  };
}
