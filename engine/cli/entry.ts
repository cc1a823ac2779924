// Entry of the CLI's bundle (dist/engine.cjs, started by dist/cli.js): runs the command and exits with its code.
import { runCli } from './main';

// A reader that went away (`pipewright runs --json | head`) ends the command quietly, as it would a Unix tool.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
