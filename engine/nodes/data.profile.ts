// `data.profile`: writes per-column statistics and histograms as a JSON report.
import type { z } from 'zod';
import type { dataProfile } from '../../shared/nodes/data.profile';
import { profileTable } from '../ml/profile-table';
import type { NodeImplementation } from './node-implementation';
import { log, readInputTable, writeOutputJson } from './node-io';

type Params = z.output<typeof dataProfile.params>;

export const dataProfileNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const profile = profileTable(readInputTable(ctx), params);
    writeOutputJson(ctx, 'report', profile);
    log(`profiled ${profile.rows} rows × ${profile.columns.length} columns`);
    for (const c of profile.columns) {
      const stats = c.type === 'number' && c.mean !== undefined ? `mean ${c.mean.toPrecision(4)}, min ${c.min}, max ${c.max}` : `${c.distinct} distinct`;
      log(`  ${c.name}: ${c.type}, ${stats}${c.missing > 0 ? `, ${c.missing} missing` : ''}`);
    }
    ctx.reportMetric('rows', profile.rows);
    ctx.reportMetric('columns', profile.columns.length);
  },
};
