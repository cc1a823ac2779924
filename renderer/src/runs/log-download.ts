// Downloads a node's whole log: in the web mode straight from the server's log route; in the desktop app (no HTTP
// server) by paging it through the API into a file blob.
import type { LogPage } from '../../../shared/runs/run-record';
import type { LogStream } from '../../../shared/runs/run-status';

const PAGE = 50_000;

export async function downloadLog(
  runId: string,
  nodeId: string,
  stream: LogStream | undefined,
  load: (from: number, count: number) => Promise<LogPage>,
): Promise<void> {
  let href: string;
  if (!window.pipewright) {
    href = `/api/runs/${encodeURIComponent(runId)}/logs/${encodeURIComponent(nodeId)}${stream ? `?stream=${stream}` : ''}`;
  } else {
    const parts: string[] = [];
    for (let from = 0; ; from += PAGE) {
      const page = await load(from, PAGE);
      for (const line of page.lines) parts.push(`${line.text}\n`);
      if (from + PAGE >= page.total) break;
    }
    href = URL.createObjectURL(new Blob(parts, { type: 'text/plain' }));
  }
  const link = document.createElement('a');
  link.href = href;
  link.download = `${runId}-${nodeId}${stream ? `-${stream}` : ''}.log`;
  link.click();
  if (href.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
