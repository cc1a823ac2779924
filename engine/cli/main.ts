// The `pipewright` command line: builds the program, runs it, and turns failures into messages and exit codes.
import { Command, CommanderError } from 'commander';
import { fileErrorMessage } from '../file-error-text';
import { homeRoot } from '../home';
import { DatabaseRefusedError } from '../store/database';
import { storeFailureText } from '../store/store-failure';
import { APP_VERSION } from '../version';
import { CliError, EXIT_USAGE } from './cli-error';
import { createCliContext, type CliContext } from './cli-context';
import { commandRegistrations } from './commands/index';

/** The program with every command registered; exported for tests that inspect help. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('pipewright')
    .description('Design, run, track and export ML pipelines.')
    .version(APP_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Options after a subcommand are that subcommand's: `runs --filter X` lists, `runs delete --filter X` deletes.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of commandRegistrations) register(program, ctx);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const ctx = createCliContext();
  try {
    await createProgram(ctx).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? 0
        : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      if (error.message) ctx.warn(`pipewright: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof DatabaseRefusedError) {
      ctx.warn(`pipewright: ${error.message}`);
      return EXIT_USAGE;
    }
    // The database cannot be written where it lives (a full disk): said, with where, not a stack trace.
    const storeFailure = storeFailureText(error);
    if (storeFailure) {
      ctx.warn(`pipewright: cannot use the database in ${homeRoot()}: ${storeFailure}`);
      return 1;
    }
    // A file or folder that cannot be read or written (an --out that is a folder, a full disk): said, not a stack trace.
    const fileError = fileErrorMessage(error);
    if (fileError) {
      ctx.warn(`pipewright: ${fileError}`);
      return EXIT_USAGE;
    }
    ctx.warn(`pipewright: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  } finally {
    ctx.close();
  }
}
