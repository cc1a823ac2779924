// Every bundled template (resources/templates/) exports to every target and validates by the target's own tooling.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportPipeline } from '../../shared/export/export-pipeline';
import { EXPORT_TARGETS } from '../../shared/nodes/node-type';
import { parsePipelineText } from '../../shared/pipeline/pipeline-file';
import { optionsFor } from './support/export-fixtures';
import { validateExport } from './validators/index';

const dir = fileURLToPath(new URL('../../resources/templates/', import.meta.url));
const templates = readdirSync(dir).filter((f) => /\.pipeline\.(json|ya?ml)$/.test(f)).sort();

it('there are templates to export', () => {
  expect(templates.length).toBeGreaterThanOrEqual(4);
});

describe.each(templates.flatMap((t) => EXPORT_TARGETS.map((target) => [t, target] as const)))('template %s → %s', (file, target) => {
  it('exports (or a node type declines the target with its reason) and validates', async () => {
    const parsed = parsePipelineText(readFileSync(`${dir}${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    const result = exportPipeline(parsed.pipeline, optionsFor(target), 1);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      expect(errors.every((p) => p.code === 'target-unsupported'), JSON.stringify(errors)).toBe(true);
      return;
    }
    expect(await validateExport(target, result.files)).toEqual([]);
  });
});
