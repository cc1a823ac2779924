// The export entry point for the CLI, the API and the dialog: validate, lint, build the model, run the exporter,
// stamp every file with the header. Errors (validation or lint) block the export; warnings travel with the files.
import { getNodeType, type NodeTypeLookup } from '../nodes/index';
import type { ExportTarget } from '../nodes/node-type';
import type { Pipeline } from '../pipeline/pipeline.schema';
import { hasErrors, type Problem } from '../validation/problem';
import { validatePipeline } from '../validation/validate-pipeline';
import { argoExporter } from './argo.exporter';
import { lintForTarget } from './capability-lint';
import { withHeader } from './export-header';
import type { ExportOptions } from './export-options';
import type { Exporter, ExportFile } from './exporter';
import { githubExporter } from './github.exporter';
import { gitlabExporter } from './gitlab.exporter';
import { kubeflowExporter } from './kubeflow.exporter';
import { buildExportModel } from './step-model';
import { tektonExporter } from './tekton.exporter';

/** Every target's exporter. A new target is one module and one entry here. */
export const exporters: Record<ExportTarget, Exporter> = {
  github: githubExporter,
  gitlab: gitlabExporter,
  argo: argoExporter,
  kubeflow: kubeflowExporter,
  tekton: tektonExporter,
};

/** What an export produced: files (none when an error blocked it) and every problem found on the way. */
export interface ExportResult {
  files: ExportFile[];
  problems: Problem[];
}

/** Exports `pipeline` for `options.target`. `revision` is the stored revision, when there is one. */
export function exportPipeline(pipeline: Pipeline, options: ExportOptions, revision?: number, lookup: NodeTypeLookup = getNodeType): ExportResult {
  const validation = validatePipeline(pipeline, lookup);
  if (hasErrors(validation)) return { files: [], problems: validation };
  const model = buildExportModel(pipeline, lookup, options.runnerImage, revision);
  const problems = [...validation, ...lintForTarget(model, options)];
  if (hasErrors(problems)) return { files: [], problems };
  const command = `pipewright export --target ${options.target}`;
  const files = exporters[options.target].files(model, options).map((f) => ({ path: f.path, content: withHeader(f.content, model.stamp, command) }));
  return { files, problems };
}
