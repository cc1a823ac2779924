// The Metric history tab's first choice: the open run's pipeline and deciding metric, else the only pipeline.
import { describe, expect, it } from 'vitest';
import { defaultHistoryChoice } from '../../renderer/src/experiments/default-history-choice';

const columns = (pipelines: string[], metrics: string[]) => ({ params: [], metrics, tags: [], pipelines });

describe('defaultHistoryChoice', () => {
  it("takes the open run's pipeline and the metric that decides among its own metrics", () => {
    const run = { pipelineName: 'regression', metrics: { rmse: 3, r2: 0.4 } } as never;
    expect(defaultHistoryChoice(columns(['a', 'regression'], ['accuracy', 'r2', 'rmse']), run)).toEqual({ pipelineName: 'regression', metric: 'r2', axis: 'time' });
  });

  it('takes the only pipeline there is; with several and no open run, chooses nothing', () => {
    expect(defaultHistoryChoice(columns(['knn'], ['log_loss', 'accuracy']), undefined)).toEqual({ pipelineName: 'knn', metric: 'accuracy', axis: 'time' });
    expect(defaultHistoryChoice(columns(['a', 'b'], ['accuracy']), undefined)).toBeNull();
    expect(defaultHistoryChoice(columns(['knn'], []), undefined)).toBeNull();
  });
});
