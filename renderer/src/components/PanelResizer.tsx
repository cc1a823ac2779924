// The divider on top of a bottom panel: drag it, or focus it and use the arrow keys, Home and End (the WAI-ARIA
// window splitter pattern); a double click gives the panel its default height back. The height is a share of the
// container the panel fills the bottom of.
import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  label: string;
  /** The panel's height as a share of its container's (0–1). */
  share: number;
  min: number;
  max: number;
  initial: number;
  /** The element whose height `share` is a part of. */
  container(): HTMLElement | null;
  onChange(share: number): void;
}

/** How far one arrow key press moves the divider. */
const KEY_STEP = 0.05;

export function PanelResizer({ label, share, min, max, initial, container, onChange }: Props) {
  const clamp = (value: number) => Math.min(max, Math.max(min, value));
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const box = container()?.getBoundingClientRect();
    if (!box || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
    onChange(clamp((box.bottom - event.clientY) / box.height));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowUp: share + KEY_STEP, ArrowDown: share - KEY_STEP, Home: max, End: min }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onChange(clamp(next));
  };
  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      title={`${label}: drag, or use the arrow keys; double-click for the default height`}
      onPointerDown={(event) => event.currentTarget.setPointerCapture(event.pointerId)}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(initial)}
    />
  );
}
