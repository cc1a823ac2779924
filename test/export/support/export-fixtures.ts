// The pipelines every export test runs through every target: shared fixtures plus the export-specific ones.
import { readdirSync } from 'node:fs';
import { defaultRunnerImage, exportOptionsSchema, type ExportOptions, type ExportOptionsInput } from '../../../shared/export/export-options';
import { parsePipelineText } from '../../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import type { ExportTarget } from '../../../shared/nodes/node-type';
import { fixturePath, readFixture } from '../../support/fixtures';

/** The runner image the golden files are written with. */
export const TEST_RUNNER_IMAGE = defaultRunnerImage('0.1.0');

export function loadPipeline(relative: string): Pipeline {
  const parsed = parsePipelineText(readFixture(relative), relative);
  if (!parsed.ok) throw new Error(`${relative}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.pipeline;
}

/** name → pipeline, for every export fixture. */
export function exportFixtures(): Array<[string, Pipeline]> {
  const own = readdirSync(fixturePath('exports/pipelines'))
    .filter((f) => f.endsWith('.pipeline.json'))
    .sort()
    .map((f) => [f.replace('.pipeline.json', ''), loadPipeline(`exports/pipelines/${f}`)] as [string, Pipeline]);
  return [['hello', loadPipeline('pipelines/hello.pipeline.json')], ...own];
}

export function optionsFor(target: ExportTarget, extra: Partial<ExportOptionsInput> = {}): ExportOptions {
  return exportOptionsSchema.parse({ target, runnerImage: TEST_RUNNER_IMAGE, ...extra });
}
