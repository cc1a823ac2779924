// `evaluate.regression`: RMSE, MAE, R² and a residual summary.
import type { z } from 'zod';
import type { evaluateRegression } from '../../shared/nodes/evaluate.regression';
import { regressionReport } from '../ml/regression-metrics';
import { readNumericTarget } from '../ml/target';
import { evaluateModel, reportMetrics, writePredictions } from './evaluate-model';
import type { NodeImplementation } from './node-implementation';
import { log, writeOutputJson } from './node-io';

type Params = z.output<typeof evaluateRegression.params>;

export const evaluateRegressionNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const { table, target, prediction, lineage } = evaluateModel(ctx, 'regression', params.target);
    const actual = readNumericTarget(table, target);
    const predicted = prediction.values as number[];
    const report = regressionReport(actual, predicted, params.scatterPoints);
    writeOutputJson(ctx, 'metrics', { ...report, target, ...lineage });
    writePredictions(ctx, table, { prediction: predicted, residual: actual.map((y, i) => y - predicted[i]!) });
    reportMetrics(ctx, { ...report }, ['rmse', 'mae', 'r2']);
    log(`${report.rows} rows: RMSE ${report.rmse.toFixed(4)}, MAE ${report.mae.toFixed(4)}, R² ${report.r2.toFixed(4)}`);
  },
};
