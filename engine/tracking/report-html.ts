// Small HTML building blocks for reports: escaping, tables, the page shell with its inline stylesheet.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A table cell: text (escaped) and an optional class. */
export interface Cell {
  text: string;
  className?: string;
}

export function cell(text: string, className?: string): Cell {
  return className ? { text, className } : { text };
}

/** A table with a header row; `label` becomes its accessible name. */
export function table(label: string, header: readonly string[], rows: readonly (readonly Cell[])[], rowClass?: (i: number) => string | undefined): string {
  const head = `<tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows
    .map((row, i) => {
      const cls = rowClass?.(i);
      const cells = row.map((c, j) => {
        const tag = j === 0 ? 'th scope="row"' : 'td';
        return `<${tag}${c.className ? ` class="${c.className}"` : ''}>${escapeHtml(c.text)}</${tag.split(' ')[0]}>`;
      });
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table aria-label="${escapeHtml(label)}"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d2330; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #d9dde3; padding-bottom: 4px; }
.meta { color: #6b7385; }
table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d9dde3; padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f3f5f8; }
.differs { background: #fff4d6; } .best { font-weight: 700; background: #fbefc4; } .better { color: #2f8f5b; } .worse { color: #c23b3b; }
tr.best-run th { background: #fbefc4; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; } .chart { border: 1px solid #d9dde3; border-radius: 6px; padding: 4px; background: #fff; }
.diff-only-a { color: #c23b3b; } .diff-only-b { color: #2f8f5b; } .diff-changed { color: #9a6a00; }
footer { margin-top: 32px; color: #6b7385; font-size: 12px; }
`;

/** A complete, self-contained page: inline CSS, no scripts, no external resources. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Pipewright">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
