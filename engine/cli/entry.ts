// Entry of the CLI's bundle (dist/engine.cjs, started by dist/cli.js): runs the command and exits with its code.
import { endByHangup, terminalHungUp } from './hangup';
import { runCli } from './main';

// A reader that went away (`pipewright runs --json | head`) ends the command quietly, as it would a Unix tool. A
// terminal that went away (EIO: its window closed) has nowhere to show anything; a run still ends cleanly (hangup.ts).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EIO') return;
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EIO') throw error;
});
void runCli(process.argv.slice(2)).then((code) => {
  if (terminalHungUp()) return endByHangup();
  process.exitCode = code;
});
