// A node's log in the UI: a sparse, bounded window onto a log of any length. Live lines fill it as they stream; lines
// the stream skipped (gaps) or that scrolled out are fetched from the store page by page when they become visible.
import type { LogLine, LogPage } from './run-record';
import type { LogStream } from './run-status';

export const PAGE_LINES = 500;
/** A page whose lines were not in the store yet is asked for again at most this often. */
const REFETCH_MS = 1000;
/** Pages kept in memory (100 000 lines); the least recently used go first. */
const MAX_PAGES = 200;

type Page = (LogLine | undefined)[];

/** Loads lines `from` … `from + count - 1` of this view from the store. */
export type PageLoader = (from: number, count: number) => Promise<LogPage>;

export class LogBuffer {
  /** Lines in this view (it grows while the node runs). */
  total = 0;
  private readonly pages = new Map<number, Page>();
  private readonly loading = new Set<number>();
  /** For each fetched page, how far the store's log reached and when: below that, or within a second, no refetch. */
  private readonly fetched = new Map<number, { upTo: number; at: number }>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly load: PageLoader,
    /** The stream this view shows, or undefined for all streams (live lines are added only to the all-streams view). */
    readonly stream?: LogStream,
  ) {}

  /** Adds a line that arrived live. */
  append(line: LogLine): void {
    const index = Math.floor(line.line / PAGE_LINES);
    let page = this.pages.get(index);
    if (!page) {
      page = [];
      this.remember(index, page);
    }
    page[line.line % PAGE_LINES] = line;
    this.total = Math.max(this.total, line.line + 1);
  }

  /** Raises the line count (a gap, or a total the store reported). */
  grow(total: number): void {
    this.total = Math.max(this.total, total);
  }

  /** The line at `index`, or undefined while it is being fetched (the fetch starts here). */
  get(index: number): LogLine | undefined {
    const pageIndex = Math.floor(index / PAGE_LINES);
    const page = this.pages.get(pageIndex);
    const line = page?.[index % PAGE_LINES];
    if (line) {
      this.pages.delete(pageIndex);
      this.pages.set(pageIndex, page!);
      return line;
    }
    const last = this.fetched.get(pageIndex);
    if (!last || (index >= last.upTo && Date.now() - last.at >= REFETCH_MS)) void this.fetch(pageIndex);
    return undefined;
  }

  /** Every loaded line in order (copy and download of what is in memory). */
  loadedLines(): LogLine[] {
    return [...this.pages.keys()].sort((a, b) => a - b).flatMap((i) => this.pages.get(i)!.filter((l): l is LogLine => l !== undefined));
  }

  /** Called after lines were fetched, so views re-render. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the store for the current total (views that do not receive live lines poll this while the node runs). */
  async refreshTotal(): Promise<void> {
    const page = await this.load(Math.max(0, this.total - 1), 1);
    if (page.total !== this.total) {
      this.grow(page.total);
      this.emit();
    }
  }

  private async fetch(pageIndex: number): Promise<void> {
    if (this.loading.has(pageIndex)) return;
    this.loading.add(pageIndex);
    try {
      const result = await this.load(pageIndex * PAGE_LINES, PAGE_LINES);
      const page = this.pages.get(pageIndex) ?? [];
      for (const line of result.lines) page[line.line % PAGE_LINES] ??= line;
      this.remember(pageIndex, page);
      this.fetched.set(pageIndex, { upTo: result.total, at: Date.now() });
      this.grow(result.total);
      this.emit();
    } finally {
      this.loading.delete(pageIndex);
    }
  }

  private remember(index: number, page: Page): void {
    this.pages.set(index, page);
    while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
