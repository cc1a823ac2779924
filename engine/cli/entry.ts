// Process entry of the bundled CLI (dist/cli.js): runs the command and exits with its code.
import { runCli } from './main';

// A reader that went away (`pipewright runs --json | head`) ends the command quietly, as it would a Unix tool.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await runCli(process.argv.slice(2));
