// Reading ROC curves and a confusion matrix out of an evaluation report a node wrote: whatever the file holds.
import { describe, expect, it } from 'vitest';
import { classificationCurvesOf } from '../../../shared/tracking/classification-curves';

describe('classificationCurvesOf', () => {
  it('takes the curves and the matrix, keeping only what the charts use', () => {
    const report = {
      accuracy: 0.9,
      rocCurves: [{ class: 'yes', auc: 0.95, points: [{ fpr: 0, tpr: 0, threshold: 1 }, { fpr: 1, tpr: 1, threshold: 0 }] }],
      confusionMatrix: { labels: ['no', 'yes'], matrix: [[5, 1], [0, 4]] },
    };
    expect(classificationCurvesOf('r1', 'evaluate', report)).toEqual({
      runId: 'r1',
      nodeId: 'evaluate',
      rocCurves: [{ class: 'yes', auc: 0.95, points: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] }],
      confusionMatrix: { labels: ['no', 'yes'], matrix: [[5, 1], [0, 4]] },
    });
  });

  it('a report with only one of them still charts it', () => {
    expect(classificationCurvesOf('r', 'n', { confusionMatrix: { labels: ['a'], matrix: [[1]] } })).toMatchObject({ rocCurves: [], confusionMatrix: { labels: ['a'] } });
    expect(classificationCurvesOf('r', 'n', { rocCurves: [{ class: 'a', auc: 1, points: [] }] })).toMatchObject({ confusionMatrix: null });
  });

  it('anything else has nothing to chart', () => {
    for (const report of [null, 3, 'text', [], { rmse: 1 }, { rocCurves: 'no', confusionMatrix: { labels: 'x' } }, { rocCurves: [{ class: 'a', auc: 1 }, 7] }, { confusionMatrix: { labels: ['a'], matrix: [5] } }]) {
      expect(classificationCurvesOf('r', 'n', report), JSON.stringify(report)).toBeNull();
    }
    // A damaged curve is left out, and a damaged point of a good one.
    const mixed = { rocCurves: [{ class: 'a', auc: 0.8, points: [{ fpr: 0, tpr: 0 }, { fpr: 'x' }] }, { auc: 'high' }] };
    expect(classificationCurvesOf('r', 'n', mixed)!.rocCurves).toEqual([{ class: 'a', auc: 0.8, points: [{ fpr: 0, tpr: 0 }] }]);
  });
});
