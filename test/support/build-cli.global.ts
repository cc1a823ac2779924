// Builds dist/cli.js once before the suite, so CLI integration tests run the real bundled command.
import { buildEngine } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildEngine();
}
