// `data.split`: seeded (optionally stratified) train/test/validation split.
import type { z } from 'zod';
import type { dataSplit } from '../../shared/nodes/data.split';
import { splitIndexes } from '../ml/split';
import { columnValues, takeRows } from '../ml/table';
import { NodeError, type NodeImplementation } from './node-implementation';
import { log, readInputTable, writeOutputTable } from './node-io';

type Params = z.output<typeof dataSplit.params>;

export const dataSplitNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    if (params.testSize + params.validationSize >= 1) {
      throw new NodeError(`testSize + validationSize must be below 1 (got ${params.testSize} + ${params.validationSize}); nothing would be left to train on`);
    }
    const table = readInputTable(ctx);
    const strata = params.stratify ? columnValues(table, params.stratify) : undefined;
    const parts = splitIndexes(table.rows.length, { ...params, ...(strata ? { strata } : {}) });
    for (const [port, indexes] of Object.entries(parts)) writeOutputTable(ctx, port, takeRows(table, indexes));
    log(
      `split ${table.rows.length} rows${strata ? ` stratified by "${params.stratify}"` : ''} (seed ${params.seed}): ` +
        `train ${parts.train.length}, test ${parts.test.length}, validation ${parts.validation.length}`,
    );
    ctx.reportMetric('train_rows', parts.train.length);
    ctx.reportMetric('test_rows', parts.test.length);
    if (params.validationSize > 0) ctx.reportMetric('validation_rows', parts.validation.length);
  },
};
