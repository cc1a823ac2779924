// `pipewright serve [--port 0] [--open]`: the UI in a browser, on 127.0.0.1 only, guarded by a session token.
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { openEngine } from '../../app';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';
import { endByHangup, noteHangup, terminalHungUp } from '../hangup';

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the Pipewright UI on http://127.0.0.1 (prints the one URL to open)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '0')
    .option('--open', 'open the UI in the default browser')
    .action(async (options: { port: string; open?: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0–65535; got "${options.port}"`);
      // Loaded here, not at start-up: every other command would pay for the HTTP and WebSocket server modules.
      const [{ startWebServer }, { runArtifactRoutes }] = await Promise.all([import('../../server/web-server'), import('../../server/run-artifact-routes')]);
      const engine = openEngine({ host: 'web' });
      const server = await startWebServer({ engine, port, routes: runArtifactRoutes(engine) }).catch((error: NodeJS.ErrnoException) => {
        engine.close();
        throw new CliError(error.code === 'EADDRINUSE' ? `port ${port} is already in use; try --port 0` : error.message);
      });
      ctx.print(`Pipewright UI: ${server.url}`);
      if (options.open) openInBrowser(server.url, ctx);
      const stop = () => {
        void server.close().then(() => {
          engine.close();
          if (terminalHungUp()) endByHangup();
          else process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Its terminal closed: runs going are stopped and stored as on Ctrl+C (not left running until the next start).
      process.once('SIGHUP', () => {
        noteHangup();
        stop();
      });
      await new Promise(() => undefined); // serve until a signal arrives
    });
}

function openInBrowser(url: string, ctx: CliContext): void {
  const [command, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  const child = spawn(command!, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => ctx.warn(`could not open a browser (${command} failed); open the URL above yourself`));
  child.unref();
}
