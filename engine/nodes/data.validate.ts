// `data.validate`: checks the dataset against a declared or inferred schema, writes a report, fails on violations.
import { copyFileSync } from 'node:fs';
import type { z } from 'zod';
import type { dataValidate } from '../../shared/nodes/data.validate';
import { readTable } from '../ml/csv-io';
import { datasetSchemaSchema, inferDatasetSchema, parseDatasetSchema } from '../ml/dataset-schema';
import { columnFacts, validateDataset, type ValidationReport } from '../ml/validate-dataset';
import { NodeError, type NodeImplementation } from './node-implementation';
import { inputPath, log, optionalInputPath, writeOutputJson } from './node-io';

type Params = z.output<typeof dataValidate.params>;

export const dataValidateNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const source = inputPath(ctx, 'dataset');
    const table = readTable(source);
    const referencePath = optionalInputPath(ctx, 'reference');
    const schemaSource: ValidationReport['schemaSource'] = params.schema.trim() ? 'declared' : referencePath ? 'reference' : 'inferred';
    const schema =
      schemaSource === 'declared'
        ? parseDatasetSchema(params.schema)
        : schemaSource === 'reference'
          ? inferDatasetSchema(readTable(referencePath!), params.maxMissingRatio)
          : datasetSchemaSchema.parse({});
    const violations = validateDataset(table, schema, params);
    const report: ValidationReport = { valid: violations.length === 0, rows: table.rows.length, schemaSource, columns: columnFacts(table), violations };
    writeOutputJson(ctx, 'report', report);
    ctx.reportMetric('violations', violations.length);
    log(`validated ${table.rows.length} rows × ${table.columns.length} columns against the ${schemaSource} schema: ${violations.length} violation(s)`);
    for (const v of violations) log(`  ${v.message}`);
    if (violations.length > 0 && params.onViolation === 'fail') {
      const more = violations.length > 1 ? ` (and ${violations.length - 1} more; see the report)` : '';
      throw new NodeError(`${violations[0]!.message}${more}`);
    }
    const out = ctx.outputs['dataset'];
    if (out) copyFileSync(source, out);
  },
};
