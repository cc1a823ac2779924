// Handlers for export.* commands: the dialog's live preview and the desktop's save-to-folder.
import { isAbsolute } from 'node:path';
import { ApiError } from '../../shared/api/index';
import { defaultRunnerImage, type ExportOptions } from '../../shared/export/export-options';
import { exportPipeline } from '../../shared/export/export-pipeline';
import { parsePipelineObject } from '../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { hasErrors } from '../../shared/validation/problem';
import { ExportWriteError, runnerDockerfile, writeExportFiles } from '../export/export-to-folder';
import { APP_VERSION } from '../version';
import type { HandlersFor } from './handler-types';

function toDocument(value: unknown): Pipeline {
  const parsed = parsePipelineObject(value);
  if (!parsed.ok) throw new ApiError('invalid_pipeline', `the pipeline document is invalid: ${parsed.problems[0]!.message}`, parsed.problems);
  return parsed.pipeline;
}

function withImage(options: Omit<ExportOptions, 'runnerImage'> & { runnerImage?: string | undefined }): ExportOptions {
  return { ...options, runnerImage: options.runnerImage ?? defaultRunnerImage(APP_VERSION) };
}

export const exportHandlers: HandlersFor<'export.preview' | 'export.write'> = {
  'export.preview': ({ document, revision, options, dockerfile }) => {
    const result = exportPipeline(toDocument(document), withImage(options), revision);
    const files = dockerfile && result.files.length > 0 ? [...result.files, runnerDockerfile()] : result.files;
    return { files, problems: result.problems, defaultRunnerImage: defaultRunnerImage(APP_VERSION) };
  },
  'export.write': ({ document, revision, options, dir, dockerfile }, ctx) => {
    // A browser tab must not write anywhere on disk: web mode saves by downloading.
    if (ctx.host === 'web') throw new ApiError('unavailable', 'saving into a folder is a desktop feature; in the browser, Save downloads the files');
    if (!isAbsolute(dir)) throw new ApiError('invalid_input', `the folder must be an absolute path; got "${dir}"`);
    const result = exportPipeline(toDocument(document), withImage(options), revision);
    if (hasErrors(result.problems)) throw new ApiError('invalid_pipeline', 'the export is blocked by errors: see the problems', result.problems);
    try {
      return { written: writeExportFiles(dir, [...result.files, ...(dockerfile ? [runnerDockerfile()] : [])]), problems: result.problems };
    } catch (error) {
      if (error instanceof ExportWriteError) throw new ApiError('invalid_input', error.message);
      throw error;
    }
  },
};
