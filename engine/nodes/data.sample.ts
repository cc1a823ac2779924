// `data.sample`: copies a bundled dataset (resources/datasets/<name>.csv) to the output.
import { copyFileSync } from 'node:fs';
import type { z } from 'zod';
import type { dataSample } from '../../shared/nodes/data.sample';
import { fromAppRoot } from '../app-root';
import { readTable } from '../ml/csv-io';
import type { NodeImplementation } from './node-implementation';
import { log } from './node-io';

type Params = z.output<typeof dataSample.params>;

/** Path of a bundled dataset. */
export function sampleDatasetPath(name: Params['dataset']): string {
  return fromAppRoot('resources', 'datasets', `${name}.csv`);
}

export const dataSampleNode: NodeImplementation = {
  async run(ctx) {
    const { dataset } = ctx.params as Params;
    const source = sampleDatasetPath(dataset);
    const table = readTable(source);
    log(`${dataset}: ${table.rows.length} rows, ${table.columns.length - 1} features, label "${table.columns.at(-1)}" (source and licence: resources/datasets/README.md)`);
    const out = ctx.outputs['dataset'];
    if (out) copyFileSync(source, out);
    ctx.reportMetric('rows', table.rows.length);
  },
};
