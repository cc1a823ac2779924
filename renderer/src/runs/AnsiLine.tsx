// One log line with its ANSI colours rendered (anser parses SGR codes into styled spans — no innerHTML), and the
// search term highlighted.
import Anser from 'anser';
import { memo, type CSSProperties, type ReactNode } from 'react';

const DECORATIONS: Record<string, CSSProperties> = {
  bold: { fontWeight: 'bold' },
  dim: { opacity: 0.7 },
  italic: { fontStyle: 'italic' },
  underline: { textDecoration: 'underline' },
  strikethrough: { textDecoration: 'line-through' },
};

export const AnsiLine = memo(function AnsiLine({ text, highlight }: { text: string; highlight?: string }) {
  // A progress bar redraws its line with \r: show what the terminal would finally show.
  const visible = text.includes('\r') ? text.slice(text.lastIndexOf('\r', text.length - 2) + 1) : text;
  if (!visible.includes('\u001b')) return <>{mark(visible, highlight)}</>;
  const parts = Anser.ansiToJson(visible, { json: true, remove_empty: true });
  return (
    <>
      {parts.map((part, i) => {
        const style: CSSProperties = Object.assign(
          {},
          part.fg ? { color: `rgb(${part.fg})` } : {},
          part.bg ? { backgroundColor: `rgb(${part.bg})` } : {},
          ...part.decorations.map((d) => DECORATIONS[d] ?? {}),
        );
        return (
          <span key={i} style={style}>
            {mark(part.content, highlight)}
          </span>
        );
      })}
    </>
  );
});

/** Wraps case-insensitive occurrences of `term` in <mark>. */
function mark(text: string, term?: string): ReactNode {
  if (!term) return text;
  const lower = text.toLowerCase();
  const needle = term.toLowerCase();
  const out: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    out.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + term.length)}</mark>);
    from = at + term.length;
  }
  out.push(text.slice(from));
  return out;
}
