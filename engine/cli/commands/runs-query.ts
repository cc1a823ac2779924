// Which runs `pipewright runs` lists and `pipewright runs delete` deletes: the Experiments view's query, from the
// flags both commands share (--pipeline, --filter, --search, --sweep, --all).
import { ApiError } from '../../../shared/api/index';
import type { ExperimentPage } from '../../../shared/tracking/experiment-records';
import { experimentQuerySchema, type ExperimentQueryInput } from '../../../shared/tracking/experiment-view';
import type { ApiContext } from '../../api/context';
import { CliError } from '../cli-error';

export interface RunSelectionFlags {
  pipeline?: string;
  filter?: string;
  search?: string;
  sweep?: string;
  all?: boolean;
}

/** One page of the runs the flags select; `--filter` mistakes and an unknown pipeline are usage errors. */
export function queryRuns(
  engine: ApiContext,
  flags: RunSelectionFlags,
  page: Pick<ExperimentQueryInput, 'sort' | 'offset' | 'limit'>,
): ExperimentPage {
  let pipelineName: string | undefined;
  if (flags.pipeline) {
    pipelineName = engine.pipelines.find(flags.pipeline)?.name ?? flags.pipeline;
    if (!engine.tracking.queries.columns().pipelines.some((p) => p.toLowerCase() === pipelineName!.toLowerCase())) {
      throw new CliError(`no runs of a pipeline "${flags.pipeline}" — \`pipewright list\` shows stored pipelines`);
    }
  }
  try {
    return engine.tracking.queries.page(
      experimentQuerySchema.parse({
        filter: flags.filter ?? '',
        search: flags.search ?? '',
        includeHidden: flags.all ?? false,
        ...(pipelineName ? { pipelineName } : {}),
        ...(flags.sweep ? { sweepId: flags.sweep } : {}),
        ...page,
      }),
    );
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(`--filter: ${error.message}`);
    throw error;
  }
}
