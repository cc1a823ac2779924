// A node's context menu on the canvas: the items every feature gives for the nodes it acts on (extensions.ts), at the
// pointer or at the focused node. Arrow keys move, Enter picks, Escape or a click elsewhere closes.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { NodeMenuRequest } from '../../store/canvas.slice';
import { useApp } from '../../store/store-context';
import { nodeMenuSections, type NodeMenuItem } from '../extensions';

/** The open node menu, if any (canvas.slice's nodeMenu). */
export function NodeContextMenuHost() {
  const request = useApp((s) => s.nodeMenu);
  const close = useApp((s) => s.closeNodeMenu);
  return request ? <NodeContextMenu key={`${request.x},${request.y}`} request={request} onClose={close} /> : null;
}

/** Keeps the menu inside the window. */
const MARGIN = 4;

function NodeContextMenu({ request, onClose }: { request: NodeMenuRequest; onClose(): void }) {
  const sections = nodeMenuSections.map((section) => ({ id: section.id, items: section.useItems(request.nodeIds) }));
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: request.x, top: request.y });

  useLayoutEffect(() => {
    const box = menu.current!.getBoundingClientRect();
    setPosition({
      left: Math.max(MARGIN, Math.min(request.x, window.innerWidth - box.width - MARGIN)),
      top: Math.max(MARGIN, Math.min(request.y, window.innerHeight - box.height - MARGIN)),
    });
    menuItems(menu.current!)[0]?.focus();
  }, [request]);

  useEffect(() => {
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = menuItems(menu.current!);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step) items[(at + step + items.length) % items.length]?.focus();
    else if (event.key === 'Home') items[0]?.focus();
    else if (event.key === 'End') items.at(-1)?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const pick = (item: NodeMenuItem) => {
    onClose();
    item.run();
  };
  // Once closed, focus that was in the menu goes back to the node, so a keyboard user is where they were.
  useEffect(
    () => () => {
      if (document.activeElement === document.body) nodeElement(request.nodeIds[0]!)?.focus();
    },
    [request],
  );
  const what = request.nodeIds.length === 1 ? request.nodeIds[0] : `${request.nodeIds.length} nodes`;
  return (
    <div ref={menu} className="node-menu" role="menu" aria-label={`Actions for ${what}`} style={position} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {sections
        .filter((section) => section.items.length > 0)
        .map((section, i) => (
          <div key={section.id} role="group" className="node-menu-group">
            {i > 0 && <hr />}
            {section.items.map((item) => (
              <button key={item.label} type="button" role="menuitem" disabled={item.disabled} onClick={() => pick(item)}>
                {item.label}
              </button>
            ))}
          </div>
        ))}
    </div>
  );
}

function nodeElement(nodeId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="canvas"] .react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
}

function menuItems(menu: HTMLElement): HTMLButtonElement[] {
  return [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')];
}
