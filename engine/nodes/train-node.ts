// The implementation every train.* node shares: read the dataset, fit the algorithm, write the model folder.
import type { Algorithm } from '../ml/estimators/estimator';
import { sha256File } from '../ml/file-hash';
import { writeModel } from '../ml/model-artifact';
import type { Task } from '../ml/target';
import { trainModel } from '../ml/train-model';
import { NodeError, type NodeImplementation } from './node-implementation';
import { inputPath, log, readInputTable } from './node-io';

/** Params every train node has (shared/nodes/train-node-type.ts) plus `task` where the algorithm offers both. */
interface TrainParams {
  target: string;
  features: string;
  categorical: string;
  task?: Task | 'auto';
  [hyperparameter: string]: unknown;
}

/** A train node for `algorithm`; every param besides target/features/categorical/task is a hyperparameter. */
export function trainNode(algorithm: Algorithm): NodeImplementation {
  return {
    async run(ctx) {
      const { target, features, categorical, task = 'auto', ...hyper } = ctx.params as TrainParams;
      const dataset = inputPath(ctx, 'dataset');
      const table = readInputTable(ctx);
      const result = trainModel(table, algorithm, { target, features, categorical, task }, hyper, {
        nodeType: ctx.definition.id,
        dataSha256: sha256File(dataset),
        ...(ctx.run ? { runId: ctx.run.runId, pipeline: ctx.run.pipelineName } : {}),
      }, log);
      const out = ctx.outputs['model'];
      if (!out) throw new NodeError('output "model" has no path; pass --output model=<folder>');
      writeModel(out, result.artifact);
      ctx.reportMetric('training_rows', table.rows.length);
      ctx.reportMetric(result.artifact.task === 'classification' ? 'training_accuracy' : 'training_r2', result.trainingScore);
    },
  };
}
