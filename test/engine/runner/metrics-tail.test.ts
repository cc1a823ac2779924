// The metrics file followed while its node runs: a file truncated and written again from its start (once per epoch,
// with one line more) sends only its new points; the series and final values are those of the file as it ends.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MetricsTail } from '../../../engine/runner/metrics-tail';
import { tempDir } from '../../support/temp-home';

const lines = (losses: number[]) => losses.map((loss, step) => `{"step": ${step}, "loss": ${loss}}\n`).join('');

describe('MetricsTail', () => {
  it('a rewritten file does not send the points it repeats', () => {
    const file = join(tempDir(), 'metrics.json');
    const sent: string[] = [];
    const tail = new MetricsTail(file, (name, value, step) => sent.push(`${name}@${step ?? 'final'}=${value}`));
    writeFileSync(file, lines([0.9, 0.7]));
    tail.poll();
    // The node rewrites the whole file; a look lands between the truncation and the new content.
    truncateSync(file, 0);
    tail.poll();
    writeFileSync(file, lines([0.9, 0.7, 0.5]));
    tail.poll();
    writeFileSync(file, lines([0.9, 0.7, 0.5, 0.4]));
    const read = tail.finish();
    expect(sent).toEqual(['loss@0=0.9', 'loss@1=0.7', 'loss@2=0.5', 'loss@3=0.4']);
    expect(read.metrics).toEqual({ loss: 0.4 });
    expect(read.series['loss']!.map((p) => p.value)).toEqual([0.9, 0.7, 0.5, 0.4]);
  });
});
