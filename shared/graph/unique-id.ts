// Fresh, readable ids for nodes, edges and notes: `train`, `train-2`, … never colliding with ids already taken.

/** Turns any text into a valid identifier stem (letters first, then letters, digits, "_" and "-"). */
export function identifierStem(text: string, fallback = 'node'): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 50);
  return cleaned === '' ? fallback : cleaned;
}

/**
 * `base` if free, else the next free `stem-N` (`train` → `train-2`; a copy of `train-2` becomes `train-3`, not
 * `train-2-2`); the result is added to `taken`.
 */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  if (taken.has(id)) {
    const stem = /^(.*[^\d-].*)-\d+$/.exec(base)?.[1] ?? base;
    for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  }
  taken.add(id);
  return id;
}

/** The id stem a new node of `typeId` gets: the last segment of the type id (`script.shell` → `shell`). */
export function nodeIdStem(typeId: string): string {
  return identifierStem(typeId.split('.').pop() ?? typeId);
}
