// Commands behind the export dialog: preview (files + capability lint, live as options change) and write to a folder.
import { z } from 'zod';
import { exportOptionsSchema } from '../export/export-options';
import type { ExportFile } from '../export/exporter';
import type { Problem } from '../validation/problem';
import { command } from './define';

/** What a preview returns: the files (none when an error blocks the export) and every lint/validation problem. */
export interface ExportPreview {
  files: ExportFile[];
  problems: Problem[];
  /** The runner image used when the options don't name one (`pipewright-runner:<version>`). */
  defaultRunnerImage: string;
}

/** The dialog's options: like the CLI's, with the runner image optional (the engine fills in its default). */
const options = exportOptionsSchema.extend({ runnerImage: exportOptionsSchema.shape.runnerImage.optional() });
/** Documents arrive unvalidated from the wire; the handler parses them with the pipeline schema. */
const document = z.unknown();
const revision = z.number().int().positive().optional();

export const exportCommands = {
  /** `dockerfile` adds the runner image's Dockerfile to the files. */
  'export.preview': command<ExportPreview>()(() => z.object({ document, revision, options, dockerfile: z.boolean().optional() }).strict()),
  /** Writes the export (and optionally the runner Dockerfile) under `dir` on the engine's machine (desktop save). */
  'export.write': command<{ written: string[]; problems: Problem[] }>()(() => 
    z.object({ document, revision, options, dir: z.string().min(1).max(4096), dockerfile: z.boolean().optional() }).strict(),
  ),
};
