// Previews of model folders: a real trained model's card (what was fitted, on what, with which params), and none for
// a folder whose model.json is not a Pipewright model.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewArtifact } from '../../../engine/runner/artifact-preview';
import { tempDir } from '../../support/temp-home';
import { irisSplit, runNodeType } from '../nodes/node-harness';

describe('model folder previews', () => {
  it("a trained model's folder carries its card", async () => {
    const { train } = await irisSplit();
    const trained = await runNodeType('train.decision-tree', { params: { maxDepth: 3 }, inputs: { dataset: train }, outputs: ['model'] });
    const preview = previewArtifact(trained.out['model']!, 'directory', 'model');
    expect(preview).toMatchObject({
      kind: 'directory',
      entries: [{ path: 'model.json' }],
      model: {
        algorithm: 'decision-tree',
        task: 'classification',
        target: 'species',
        classes: ['setosa', 'versicolor', 'virginica'],
        training: { rows: 105 },
      },
    });
    if (preview.kind !== 'directory') throw new Error('a folder previews as a directory');
    expect(preview.model!.features.map((f) => f.kind)).toEqual(['number', 'number', 'number', 'number']);
    expect(preview.model!.params).toMatchObject({ maxDepth: 3 });
    // The card leaves the fitted estimator out.
    expect(JSON.stringify(preview)).not.toContain('estimator');
  });

  it('a folder whose model.json is something else is listed without a card', () => {
    const dir = join(tempDir(), 'their-model');
    mkdirSync(dir);
    const text = JSON.stringify({ framework: 'torch', layers: 12 });
    writeFileSync(join(dir, 'model.json'), text);
    expect(previewArtifact(dir, 'directory', 'model')).toEqual({ kind: 'directory', entries: [{ path: 'model.json', size: text.length }], truncated: false });
  });
});
