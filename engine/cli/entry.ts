// Process entry of the bundled CLI (dist/cli.js): runs the command and exits with its code.
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2));
