// Registry conformance (DESIGN §2): every node type is well-formed, documented, and its example really runs.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stopAllDeployments } from '../support/deployments';
import { nodeImplementations } from '../../engine/nodes/index';
import { runNode } from '../../engine/nodes/run-node';
import { nodeTypes } from '../../shared/nodes/index';
import { renderNodeDocs } from '../../shared/nodes/node-docs';
import { EXPORT_TARGETS, NODE_CATEGORIES } from '../../shared/nodes/node-type';
import { exportOptionsSchema } from '../../shared/export/export-options';
import { exportPipeline } from '../../shared/export/export-pipeline';
import { examplePipeline } from '../export/support/example-pipeline';
import { validateExport } from '../export/validators/index';
import { identifierSchema } from '../../shared/pipeline/pipeline.schema';
import { tempDir } from '../support/temp-home';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Sample input artifacts for node types with required inputs: test/fixtures/node-examples/<type>/<port>[.*]. */
const examplesDir = join(root, 'test/fixtures/node-examples');

function exampleInput(typeId: string, port: string): string | undefined {
  const dir = join(examplesDir, typeId);
  if (!existsSync(dir)) return undefined;
  const entry = readdirSync(dir).find((f) => f === port || f.startsWith(`${port}.`));
  return entry && join(dir, entry);
}

// Node types with side effects (deploy.register, deploy.serve) write to PIPEWRIGHT_HOME: give the suite its own.
const home = mkdtempSync(join(tmpdir(), 'pipewright-conformance-'));
beforeAll(() => vi.stubEnv('PIPEWRIGHT_HOME', home));
afterAll(async () => {
  await stopAllDeployments(home);
  vi.unstubAllEnvs();
  rmSync(home, { recursive: true, force: true });
});

describe.each(nodeTypes.map((t) => [t.id, t] as const))('node type %s', (id, definition) => {
  it('has a stable id, a known category, an icon file and well-formed ports', () => {
    expect(id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
    expect(NODE_CATEGORIES).toContain(definition.category);
    expect(existsSync(join(root, 'resources/icons', `${definition.icon}.svg`)), `resources/icons/${definition.icon}.svg`).toBe(true);
    for (const ports of [definition.inputs, definition.outputs]) {
      for (const p of ports) expect(identifierSchema.safeParse(p.id).success, p.id).toBe(true);
      expect(new Set(ports.map((p) => p.id)).size).toBe(ports.length);
    }
    expect(definition.title.length).toBeGreaterThan(0);
    expect(definition.description.length).toBeGreaterThan(20);
  });

  it('describes every param (the inspector and docs show it)', () => {
    for (const [name, field] of Object.entries(definition.params.shape)) {
      expect((field as { description?: string }).description, `${id}.${name} needs .describe()`).toBeTruthy();
    }
  });

  it('has an example whose params parse', () => {
    expect(definition.params.safeParse(definition.example.params).success).toBe(true);
  });

  it('has an implementation (built-in types) and its example runs with `run-node`', async () => {
    if (definition.runtime === 'builtin') expect(nodeImplementations[id], `engine/nodes/${id}.ts`).toBeDefined();
    const dir = tempDir();
    const inputs: Record<string, string[]> = {};
    for (const port of definition.inputs) {
      const sample = exampleInput(id, port.id);
      if (!sample && !port.optional) throw new Error(`add a sample input at test/fixtures/node-examples/${id}/${port.id}.<ext>`);
      if (sample) inputs[port.id] = [sample];
    }
    const outputs = Object.fromEntries(definition.outputs.map((p) => [p.id, join(dir, 'out', p.id)]));
    // Relative file params in an example resolve against its fixture folder.
    const baseDir = existsSync(join(examplesDir, id)) ? join(examplesDir, id) : dir;
    const result = await runNode(id, { params: definition.example.params, inputs, outputs, metricsFile: join(dir, 'metrics.json'), baseDir }, new AbortController().signal);
    expect(result).toEqual({ exitCode: 0 });
    for (const path of Object.values(outputs)) expect(existsSync(path), `output ${path}`).toBe(true);
  });
});

describe('docs/nodes.md', () => {
  it('is current with the registry (regenerate: ./bin/pipewright nodes --markdown > docs/nodes.md)', () => {
    expect(readFileSync(join(root, 'docs/nodes.md'), 'utf8')).toBe(renderNodeDocs(nodeTypes));
  });
});

// Export conformance: each type's example exports to every target and validates, or the type declines the target.
describe.each(nodeTypes.map((t) => [t.id, t] as const))('node type %s exports', (_id, definition) => {
  it.each(EXPORT_TARGETS)('to %s', async (target) => {
    const result = exportPipeline(examplePipeline(definition), exportOptionsSchema.parse({ target, runnerImage: 'pipewright-runner:test' }));
    const declined = definition.unsupportedTargets?.[target];
    if (declined) {
      expect(declined.length, 'the reason shown to users').toBeGreaterThan(10);
      expect(result.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'target-unsupported', nodeId: 'example' }));
      return;
    }
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(await validateExport(target, result.files)).toEqual([]);
  });
});
