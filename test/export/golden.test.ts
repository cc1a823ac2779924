// Golden files: the same pipeline and options always give byte-identical exports (PIPEWRIGHT_UPDATE_GOLDEN=1 rewrites).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPipeline } from '../../shared/export/export-pipeline';
import { EXPORT_TARGETS } from '../../shared/nodes/node-type';
import { fixturePath } from '../support/fixtures';
import { exportFixtures, optionsFor } from './support/export-fixtures';
import { testLookup } from './support/synthetic-types';

const update = process.env['PIPEWRIGHT_UPDATE_GOLDEN'] === '1';
const cases = exportFixtures().flatMap(([name, pipeline]) => EXPORT_TARGETS.map((target) => [name, target, pipeline] as const));

describe.each(cases)('%s → %s', (name, target, pipeline) => {
  it('matches the golden file byte for byte, and exporting twice gives the same bytes', () => {
    const first = exportPipeline(pipeline, optionsFor(target), 4, testLookup).files;
    const second = exportPipeline(structuredClone(pipeline), optionsFor(target), 4, testLookup).files;
    expect(second).toEqual(first);
    for (const file of first) {
      const golden = fixturePath(`exports/golden/${name}/${target}/${file.path}`);
      if (update) {
        mkdirSync(dirname(golden), { recursive: true });
        writeFileSync(golden, file.content);
      }
      expect(existsSync(golden), `${golden} (run with PIPEWRIGHT_UPDATE_GOLDEN=1 to create it)`).toBe(true);
      expect(file.content).toBe(readFileSync(golden, 'utf8'));
    }
  });
});
