// `pipewright run --json`: the DESIGN §5 events, one JSON object per line, log lines included.
import type { RunEvent } from '../../shared/runs/run-events';
import { expandLogChunk, type LogChunk } from '../runner/log-chunk';
import type { RunSink } from '../runner/run-emitter';
import { OutputBuffer, type WriteText } from './output-buffer';

export class RunJsonPrinter implements RunSink {
  private readonly out: OutputBuffer;

  constructor(write: WriteText) {
    this.out = new OutputBuffer(write, 'utf8');
  }

  event(event: RunEvent): void {
    this.out.push(`${JSON.stringify(event)}\n`);
  }

  logs(chunk: LogChunk): void {
    let text = '';
    for (const event of expandLogChunk(chunk)) text += `${JSON.stringify(event)}\n`;
    this.out.push(text);
  }

  flush(): void {
    this.out.flush();
  }
}
