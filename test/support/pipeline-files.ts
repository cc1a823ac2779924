// Small pipeline files for tests that run the real CLI against them: a slow two-node run, and a one-node pipeline
// with a parameter `x` to sweep.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-home';

const shell = (id: string, command: string) => ({ id, type: 'script.shell', params: { command }, position: { x: 0, y: 0 } });

/** `slow` prints "begun", then waits a minute (with a child of its own in its group); `after` follows it. */
export function slowPipelineFile(): string {
  const file = join(tempDir(), 'slow.pipeline.json');
  const nodes = [shell('slow', 'echo begun; sleep 60 & sleep 60; wait'), shell('after', 'true')];
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'slow', nodes, edges: [{ id: 'e', source: 'slow', target: 'after' }] }));
  return file;
}

/** One node running `command` (which may use {{params.x}}), in a pipeline named "swept" with a number parameter x. */
export function sweptPipelineFile(command: string): string {
  const file = join(tempDir(), 'swept.pipeline.json');
  const parameters = [{ name: 'x', type: 'number', default: 1 }];
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'swept', parameters, nodes: [shell('step', command)], edges: [] }));
  return file;
}
