// An icon from resources/icons (our own SVGs, bundled at build time) in the current text colour: node types' icons,
// and action icons whose Unicode symbols many Linux systems have no font for (they showed as empty boxes).
import { memo } from 'react';

const icons = import.meta.glob('../../../resources/icons/*.svg', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const byName = new Map(Object.entries(icons).map(([path, svg]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), svg]));

/** Drawn when a type names an icon that does not exist (the conformance test prevents this for built-ins). */
const FALLBACK = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><rect x="4" y="4" width="16" height="16" rx="3"/></svg>';

export const Icon = memo(function Icon({ name, className = 'icon' }: { name: string | undefined; className?: string }) {
  // The SVGs are our own files, bundled at build time; nothing user-supplied reaches innerHTML.
  return <span className={className} aria-hidden="true" dangerouslySetInnerHTML={{ __html: byName.get(name ?? '') ?? FALLBACK }} />;
});
