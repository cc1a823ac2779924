// Writes an export where each target's tool expects it (.github/workflows/…, .gitlab-ci.yml, <pipeline>.argo.yaml …),
// optionally with the runner Dockerfile, and checks a folder's existing exports for drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkDrift, type Drift } from '../../shared/export/drift';
import { exportPath, type ExportFile } from '../../shared/export/exporter';
import { graphFingerprint } from '../../shared/export/fingerprint';
import type { ExportTarget } from '../../shared/nodes/node-type';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { fromAppRoot } from '../app-root';
import { fileErrorText } from '../file-error-text';

/** Name of the runner Dockerfile when written next to an export. */
export const RUNNER_DOCKERFILE = 'Dockerfile.pipewright-runner';

/** A file of an export could not be written; the message names it and says why. */
export class ExportWriteError extends Error {
  override name = 'ExportWriteError';
}

/** Writes `files` under `outDir` (folders created); returns the paths written. */
export function writeExportFiles(outDir: string, files: readonly ExportFile[]): string[] {
  return files.map((file) => {
    const path = join(outDir, file.path);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    } catch (error) {
      throw new ExportWriteError(`cannot write ${path}: ${fileErrorText(error)}`);
    }
    return path;
  });
}

/** resources/runner/Dockerfile, the image that runs built-in nodes in exports. */
export function runnerDockerfile(): ExportFile {
  return { path: RUNNER_DOCKERFILE, content: readFileSync(fromAppRoot('resources/runner/Dockerfile'), 'utf8') };
}

/** One file's drift verdict. */
export interface FileDrift extends Drift {
  target: ExportTarget;
  path: string;
}

/** Compares the exports of `targets` in `dir` with the pipeline's current graph. */
export function checkExportFolder(dir: string, pipeline: Pipeline, targets: readonly ExportTarget[]): FileDrift[] {
  const fingerprint = graphFingerprint(pipeline);
  return targets.map((target) => {
    const path = exportPath(target, pipeline.name);
    const full = join(dir, path);
    return { target, path, ...checkDrift(existsSync(full) ? readFileSync(full, 'utf8') : undefined, fingerprint) };
  });
}
