// The pipeline templates in resources/templates/ ("New from template"): each parses, validates without problems, is
// written in the canonical form, and uses the catalog's node types.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromAppRoot } from '../../../engine/app-root';
import { parsePipelineText, serializePipeline } from '../../../shared/pipeline/pipeline-file';
import { validatePipeline } from '../../../shared/validation/validate-pipeline';

const folder = fromAppRoot('resources', 'templates');
const files = readdirSync(folder).filter((f) => f.endsWith('.pipeline.json'));

describe('templates', () => {
  it('include tabular classification, regression, a Python script pipeline and drift monitoring', () => {
    expect(files.sort()).toEqual(['drift-monitoring.pipeline.json', 'python-script.pipeline.json', 'regression.pipeline.json', 'shell-steps.pipeline.json', 'tabular-classification.pipeline.json']);
  });

  it.each(files)('%s is valid and canonical', (file) => {
    const text = readFileSync(`${folder}/${file}`, 'utf8');
    const parsed = parsePipelineText(text, file);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    expect(validatePipeline(parsed.pipeline)).toEqual([]);
    expect(serializePipeline(parsed.pipeline)).toBe(text);
    expect(parsed.pipeline.description?.length).toBeGreaterThan(40);
  });

  it('the classification template goes CSV → validate → split → train → evaluate → gate → register → serve', () => {
    const parsed = parsePipelineText(readFileSync(`${folder}/tabular-classification.pipeline.json`, 'utf8'));
    if (!parsed.ok) throw new Error('invalid');
    expect(parsed.pipeline.nodes.map((n) => n.type)).toEqual([
      'data.sample',
      'data.validate',
      'data.split',
      'train.random-forest',
      'evaluate.classification',
      'gate.metric',
      'deploy.register',
      'deploy.serve',
    ]);
  });
});
