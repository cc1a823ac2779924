// `evaluate.classification`: accuracy, per-class and macro precision/recall/F1, ROC-AUC, log loss, confusion matrix.
import type { z } from 'zod';
import type { evaluateClassification } from '../../shared/nodes/evaluate.classification';
import { classificationReport } from '../ml/classification-metrics';
import { encodeLabels, readLabels } from '../ml/target';
import { evaluateModel, reportMetrics, writePredictions } from './evaluate-model';
import { NodeError, type NodeImplementation } from './node-implementation';
import { log, writeOutputJson } from './node-io';

type Params = z.output<typeof evaluateClassification.params>;

export const evaluateClassificationNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const { artifact, table, target, prediction, lineage } = evaluateModel(ctx, 'classification', params.target);
    const classes = artifact.classes!;
    const actual = encodeLabels(readLabels(table, target), classes, target);
    const predicted = prediction.values.map((label) => classes.indexOf(String(label)));
    const positive = params.positiveClass ? classes.indexOf(params.positiveClass) : undefined;
    if (positive === -1) throw new NodeError(`positiveClass "${params.positiveClass}" is not a class of the model (classes: ${classes.join(', ')})`);
    const report = classificationReport({
      classes,
      actual,
      predicted,
      probabilities: prediction.probabilities!,
      ...(positive !== undefined ? { positiveClass: positive } : {}),
      maxRocPoints: params.rocPoints,
    });
    writeOutputJson(ctx, 'metrics', { ...report, target, ...lineage });
    writePredictions(ctx, table, {
      prediction: prediction.values,
      ...Object.fromEntries(classes.map((c, k) => [`probability_${c}`, prediction.probabilities!.map((p) => p[k]!)])),
    });
    reportMetrics(ctx, { ...report }, ['accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'roc_auc', 'log_loss']);
    log(
      `${report.rows} rows: accuracy ${report.accuracy.toFixed(4)}, macro F1 ${report.f1_macro.toFixed(4)}` +
        `${report.roc_auc !== undefined ? `, ROC-AUC ${report.roc_auc.toFixed(4)}` : ''}, log loss ${report.log_loss.toFixed(4)}`,
    );
  },
};
