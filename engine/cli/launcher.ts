// Process entry of dist/cli.js: runs the CLI's bundle (dist/engine.cjs) from its V8 code cache, which the build writes.
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache-loader';

runWithCodeCache({
  bundle: fileURLToPath(new URL('./engine.cjs', import.meta.url)),
  cache: fileURLToPath(new URL('./engine.cjs.cache', import.meta.url)),
  writeOnExit: process.env['PIPEWRIGHT_WRITE_CODE_CACHE'] === '1',
});
