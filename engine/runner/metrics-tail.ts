// Follows a node's metrics file (shared/runs/metrics-file.ts): each complete JSON line is sent as points while the node
// runs, so a loss curve draws live; when the node ends, the rest is read and the final values are returned.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { MAX_METRIC_POINTS, MetricSeries, parseMetricRecord, type MetricPoint, type MetricRecord } from '../../shared/runs/metrics-file';

const NEWLINE = 0x0a;

/** Sends one value: with `step` a point of a series, without it a final value. */
type SendMetric = (name: string, value: number, step?: number) => void;

/** What a node's metrics file said: final values, the series kept, and why anything was skipped. */
export interface MetricsRead {
  metrics: Record<string, number>;
  series: Record<string, MetricPoint[]>;
  warnings: string[];
}

export class MetricsTail {
  private offset = 0;
  private pending: Buffer = Buffer.alloc(0);
  private line = 0;
  private series = new MetricSeries();
  /** Why values were skipped (each said once, however many lines repeat it). */
  private recordWarnings = new Set<string>();
  /** Lines that were no JSON object; said only if the file turns out to be JSON lines, not one pretty-printed object. */
  private badLines: number[] = [];
  private readonly sent = new Map<string, number>();
  /**
   * A first record without a step waits for a second one: alone it is the node's final values (`{"accuracy": 0.9}`
   * written on one line), not the start of a series.
   */
  private held: MetricRecord | undefined;
  private records = 0;
  /** Records whose points were sent, since the file was last (re)started. */
  private recordsSent = 0;
  /** After a rewrite: how many records of the file were sent before it; their points are not sent again. */
  private sentBeforeRewrite = 0;

  constructor(
    private readonly file: string,
    private readonly send: SendMetric,
  ) {}

  /** Sends the points of lines written since the last look. */
  poll(): void {
    this.read();
  }

  /**
   * Reads the rest once the node has ended (a last line without a newline included). A file of one JSON object,
   * pretty-printed or not, gives the final values; JSON lines give the last value of each metric.
   */
  finish(): MetricsRead {
    if (!this.read()) return { metrics: {}, series: {}, warnings: [] };
    if (this.pending.length > 0) this.take(this.pending.toString('utf8'));
    if (this.records === 0 && this.line > 0) return this.finishObject();
    if (this.held) {
      for (const [name, value] of Object.entries(this.held.values)) this.send(name, value);
      return { metrics: this.held.values, series: {}, warnings: this.warnings() };
    }
    // Past the most points kept, the values still reach the final ones.
    for (const [name, value] of Object.entries(this.series.final)) if (this.sent.get(name) !== value) this.send(name, value);
    const warnings = this.warnings();
    if (this.series.overflowed) warnings.push(`more than ${MAX_METRIC_POINTS.toLocaleString('en')} points: the series keep the first ones; final values are the last written`);
    return { metrics: this.series.final, series: this.series.points, warnings };
  }

  /** No line was a JSON object: the file is one (pretty-printed), or not metrics at all. */
  private finishObject(): MetricsRead {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return { metrics: {}, series: {}, warnings: [] };
    }
    const record = parseMetricRecord(text);
    if (!record) return { metrics: {}, series: {}, warnings: ['the metrics file must hold a JSON object of {name: number}, or one per line; no metrics recorded'] };
    for (const [name, value] of Object.entries(record.values)) if (this.sent.get(name) !== value) this.send(name, value);
    return { metrics: record.values, series: {}, warnings: record.warnings };
  }

  /** Reads what was appended (from the start again if the file was rewritten); false when there is no file. */
  private read(): boolean {
    let fd;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return false; // not written (yet): most nodes report no metrics
    }
    try {
      const size = fstatSync(fd).size;
      if (size < this.offset) this.restart();
      const added = Buffer.alloc(size - this.offset);
      const got = added.length > 0 ? readSync(fd, added, 0, added.length, this.offset) : 0;
      this.offset += got;
      const bytes = Buffer.concat([this.pending, added.subarray(0, got)]);
      const end = bytes.lastIndexOf(NEWLINE);
      this.pending = end === -1 ? bytes : bytes.subarray(end + 1);
      if (end !== -1) for (const text of bytes.toString('utf8', 0, end).split('\n')) this.take(text);
      return true;
    } finally {
      closeSync(fd);
    }
  }

  /** One line: its points are sent; a line that is no JSON object is noted (it may be part of a pretty object). */
  private take(text: string): void {
    this.line++;
    if (text.trim() === '') return;
    const record = parseMetricRecord(text);
    if (!record) {
      this.badLines.push(this.line);
      return;
    }
    for (const warning of record.warnings) this.recordWarnings.add(warning);
    if (++this.records === 1 && record.step === undefined) {
      this.held = record;
      return;
    }
    if (this.held) this.addPoints(this.held);
    this.held = undefined;
    this.addPoints(record);
  }

  private addPoints(record: MetricRecord): void {
    // A file written again from its start repeats what was already sent: those points stay in the series, unsent.
    const repeat = this.recordsSent++ < this.sentBeforeRewrite;
    for (const { name, point } of this.series.add(record)) {
      if (repeat) continue;
      this.sent.set(name, point.value);
      this.send(name, point.value, point.step);
    }
  }

  private warnings(): string[] {
    const warnings = [...this.recordWarnings];
    const [first, ...more] = this.badLines;
    if (first !== undefined) {
      const which = more.length === 0 ? `line ${first} is` : `lines ${[first, ...more.slice(0, 4)].join(', ')}${more.length > 4 ? ` and ${more.length - 4} more` : ''} are`;
      warnings.push(`${which} not a JSON object of {name: number}; skipped`);
    }
    return warnings;
  }

  /**
   * The file was truncated and written again: its lines count from the start. Its first records are taken to be the
   * ones already sent (the file rewritten with a line more, once per epoch), so the live curve does not show them twice.
   */
  private restart(): void {
    this.sentBeforeRewrite = Math.max(this.sentBeforeRewrite, this.recordsSent);
    this.recordsSent = 0;
    this.offset = 0;
    this.pending = Buffer.alloc(0);
    this.line = 0;
    this.series = new MetricSeries();
    this.recordWarnings = new Set();
    this.badLines = [];
    this.held = undefined;
    this.records = 0;
  }
}
