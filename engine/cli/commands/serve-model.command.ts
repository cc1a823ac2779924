// `pipewright serve-model <folder>`: serves a model folder over HTTP (what deploy.serve starts, and what packaged
// containers run).
import { renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { NodeError } from '../../nodes/node-implementation';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';

interface Options {
  host: string;
  port: string;
  name: string;
  deploymentId: string;
  readyFile?: string;
}

export function registerServeModel(program: Command, ctx: CliContext): void {
  program
    .command('serve-model')
    .description('serve a model folder: POST /predict (JSON rows), GET /health, GET /metrics; runs until stopped')
    .argument('<folder>', 'a model folder (with model.json), e.g. the output of a train node')
    .option('--host <address>', 'address to listen on (0.0.0.0 inside a container)', '127.0.0.1')
    .option('--port <port>', 'port (0: any free port)', '8080')
    .option('--name <name>', 'model name (also the KServe route /v1/models/<name>:predict)', 'model')
    .option('--deployment-id <id>', 'id reported by /health (set by deploy.serve)', 'standalone')
    .option('--ready-file <file>', 'write {"pid","port"} here once listening (used by deploy.serve)')
    .action(async (folder: string, options: Options) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number; got "${options.port}"`);
      // Loaded on demand, like run-node's implementations: the ML libraries would slow every other command's start-up.
      const { loadPredictor, readModel } = await import('../../ml/model-artifact');
      const { createModelServer } = await import('../../deploy/model-server');
      let predictor;
      try {
        predictor = loadPredictor(readModel(folder));
      } catch (error) {
        if (error instanceof NodeError) throw new CliError(error.message);
        throw error;
      }
      const loopbackOnly = options.host === '127.0.0.1' || options.host === 'localhost';
      const server = createModelServer({ predictor, deploymentId: options.deploymentId, modelName: options.name, loopbackOnly });
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error) => reject(new CliError(`cannot listen on ${options.host}:${port}: ${error.message}`, 1)));
        server.listen(port, options.host, resolve);
      });
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      ctx.print(`serving ${options.name} (${predictor.artifact.algorithm}) on http://${options.host}:${actualPort}`);
      if (options.readyFile) {
        writeFileSync(`${options.readyFile}.tmp`, JSON.stringify({ pid: process.pid, port: actualPort }));
        renameSync(`${options.readyFile}.tmp`, options.readyFile);
      }
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
