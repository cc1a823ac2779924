// Metrics written step by step with real processes: points arrive while the node runs, the last value of each metric
// is its final value, the series survive in the store and the cache, a retry starts them again, and a failed node
// keeps its curve.
import { afterEach, describe, expect, it } from 'vitest';
import { applyRunEvents, initialRunState } from '../../../shared/runs/run-state';
import { harness, pipeline, shell, type Harness } from './run-helpers';

let h: Harness;
afterEach(() => h?.close());

/** A shell line appending one JSON object to the node's metrics file. */
const metric = (json: string) => `echo '${json}' >> "$PIPEWRIGHT_METRICS"`;

describe('metric series', () => {
  it('sends each line as a point while the node runs; the last values are final, stored with the series and cached', async () => {
    h = harness();
    const command = [metric('{"step": 0, "loss": 0.9, "acc": 0.5}'), 'sleep 1.2', metric('{"step": 1, "loss": 0.5}'), metric('{"step": 2, "loss": 0.25, "acc": 0.8}'), 'echo done'].join('; ');
    const { sink, id, status } = await h.run(pipeline([shell('train', command)]));
    expect(status).toBe('succeeded');
    const points = sink.of('node.metric');
    expect(points.map((e) => [e.name, e.step, e.value])).toEqual([
      ['loss', 0, 0.9],
      ['acc', 0, 0.5],
      ['loss', 1, 0.5],
      ['loss', 2, 0.25],
      ['acc', 2, 0.8],
    ]);
    // Live: the first point was sent during the sleep, before the node printed its last line.
    const done = sink.of('node.log').find((e) => e.text === 'done')!;
    expect(points[0]!.seq).toBeLessThan(done.seq);
    const stored = h.service.runs.get(id).nodes[0]!;
    expect(stored.metrics).toEqual({ loss: 0.25, acc: 0.8 });
    // A run that takes the node from the cache shows the same series.
    const again = await h.run(pipeline([shell('train', command)]));
    expect(again.sink.finished('train').status).toBe('cached');
    const cached = h.service.runs.get(again.id).nodes[0]!;
    expect(cached.metricSeries).toEqual(stored.metricSeries);
    expect(cached.metrics).toEqual(stored.metrics);
    expect(stored.metricSeries).toEqual({
      loss: [
        { step: 0, value: 0.9 },
        { step: 1, value: 0.5 },
        { step: 2, value: 0.25 },
      ],
      acc: [
        { step: 0, value: 0.5 },
        { step: 2, value: 0.8 },
      ],
    });
  });

  it('numbers lines without a step by position; one object (on one line or pretty-printed) is final values only', async () => {
    h = harness();
    const doc = pipeline([
      shell('unstepped', [metric('{"loss": 3}'), metric('{"loss": 2}'), metric('{"loss": 1}')].join('; ')),
      shell('one-line', metric('{"accuracy": 0.97}')),
      shell('pretty', `printf '{\\n  "accuracy": 0.9,\\n  "f1": 0.8\\n}\\n' > "$PIPEWRIGHT_METRICS"`),
    ]);
    const { sink, id } = await h.run(doc);
    const of = (nodeId: string) => sink.of('node.metric').filter((e) => e.nodeId === nodeId).map((e) => [e.name, e.step, e.value]);
    expect(of('unstepped')).toEqual([
      ['loss', 0, 3],
      ['loss', 1, 2],
      ['loss', 2, 1],
    ]);
    expect(of('one-line')).toEqual([['accuracy', undefined, 0.97]]);
    expect(of('pretty')).toEqual([
      ['accuracy', undefined, 0.9],
      ['f1', undefined, 0.8],
    ]);
    expect(sink.of('node.log').filter((e) => e.stream === 'system')).toEqual([]);
    const nodes = h.service.runs.get(id).nodes;
    expect(nodes.map((n) => [n.nodeId, n.metrics, n.metricSeries])).toEqual([
      ['unstepped', { loss: 1 }, { loss: [{ step: 0, value: 3 }, { step: 1, value: 2 }, { step: 2, value: 1 }] }],
      ['one-line', { accuracy: 0.97 }, undefined],
      ['pretty', { accuracy: 0.9, f1: 0.8 }, undefined],
    ]);
  });

  it('says once which lines and values it skipped, and keeps at most 10,000 points with the true final values', async () => {
    h = harness();
    const many = `seq 0 10049 | awk '{ printf "{\\"step\\": %d, \\"loss\\": %d}\\n", $1, $1 }' >> "$PIPEWRIGHT_METRICS"`;
    const doc = pipeline([
      shell('messy', [metric('{"step": 0, "loss": 1, "note": "warm-up"}'), metric('not json'), metric('{"step": -1, "loss": 2}'), metric('[1, 2]'), metric('{"step": 3, "loss": 0.5, "note": "x"}')].join('; ')),
      shell('many', many),
    ]);
    const { sink, id } = await h.run(doc);
    const system = (nodeId: string) => sink.of('node.log').filter((e) => e.stream === 'system' && e.nodeId === nodeId).map((e) => e.text);
    expect(system('messy')).toEqual([
      'metric "note" is not a finite number ("warm-up"); skipped',
      '"step" must be a whole number from 0 (-1); the values are kept without it',
      'metric "note" is not a finite number ("x"); skipped',
      'lines 2, 4 are not a JSON object of {name: number}; skipped',
    ]);
    expect(system('many')).toEqual(['more than 10,000 points: the series keep the first ones; final values are the last written']);
    const bulk = h.service.runs.get(id).nodes.find((n) => n.nodeId === 'many')!;
    expect(bulk.metricSeries!['loss']).toHaveLength(10_000);
    expect(bulk.metrics).toEqual({ loss: 10049 });
  });

  it("keeps a line's other values when one is NaN or Infinity (what Python's json.dumps writes for a diverging loss)", async () => {
    h = harness();
    const lines = [metric('{"step": 0, "loss": 0.7, "acc": 0.5}'), metric('{"step": 1, "loss": NaN, "acc": 0.6}'), metric('{"step": 2, "loss": -Infinity, "acc": 0.7}')];
    const pretty = `printf '{\n  "accuracy": 0.9,\n  "log_loss": Infinity\n}\n' > "$PIPEWRIGHT_METRICS"`;
    const { sink, id } = await h.run(pipeline([shell('diverges', lines.join('; ')), shell('final', pretty)]));
    const nodes = h.service.runs.get(id).nodes;
    expect(nodes.find((n) => n.nodeId === 'diverges')!.metricSeries).toEqual({
      loss: [{ step: 0, value: 0.7 }],
      acc: [0.5, 0.6, 0.7].map((value, step) => ({ step, value })),
    });
    expect(nodes.find((n) => n.nodeId === 'final')!.metrics).toEqual({ accuracy: 0.9 });
    expect(sink.of('node.log').filter((e) => e.stream === 'system').map((e) => `${e.nodeId}: ${e.text}`)).toEqual([
      'diverges: metric "loss" is not a finite number ("NaN"); skipped',
      'diverges: metric "loss" is not a finite number ("-Infinity"); skipped',
      'final: metric "log_loss" is not a finite number ("Infinity"); skipped',
    ]);
  });

  it('starts the series again on a retry, in the live view and in the store; a failed node keeps its curve', async () => {
    h = harness();
    // First attempt: two points, then fails; second: three points, succeeds. The flag file tells them apart.
    const flag = `'${h.work}/tried'`;
    const retried = [
      `if [ -f ${flag} ]; then ${metric('{"step": 0, "loss": 5}')}; ${metric('{"step": 1, "loss": 4}')}; ${metric('{"step": 2, "loss": 3}')}; exit 0; fi`,
      `touch ${flag}; ${metric('{"step": 0, "loss": 9}')}; ${metric('{"step": 1, "loss": 8}')}; exit 1`,
    ].join('; ');
    const doc = pipeline([shell('flaky', retried, { settings: { retries: 1 } }), shell('crash', `${metric('{"step": 0, "loss": 7}')}; ${metric('{"step": 1, "loss": 6}')}; exit 3`)]);
    const { sink, id } = await h.run(doc);
    expect(sink.finished('flaky')).toMatchObject({ status: 'succeeded', attempts: 2 });
    const live = applyRunEvents(initialRunState(sink.of('run.started')[0]!), sink.events);
    const expected = [
      { step: 0, value: 5 },
      { step: 1, value: 4 },
      { step: 2, value: 3 },
    ];
    expect(live.nodes['flaky']!.series).toEqual({ loss: expected });
    const stored = h.service.runs.get(id).nodes;
    expect(stored.find((n) => n.nodeId === 'flaky')!.metricSeries).toEqual({ loss: expected });
    expect(sink.finished('crash').status).toBe('failed');
    expect(stored.find((n) => n.nodeId === 'crash')).toMatchObject({ metrics: { loss: 6 }, metricSeries: { loss: [{ step: 0, value: 7 }, { step: 1, value: 6 }] } });
  });
});
