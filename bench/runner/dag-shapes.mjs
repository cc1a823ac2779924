// Generated DAGs for the scheduling benchmarks: chain, wide fan-out/fan-in and random layered, as {id, deps} lists.

/** Small deterministic PRNG (mulberry32), so every run of the benchmark times the same graphs. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n0 → n1 → … → n(size-1). */
export function chain(size) {
  return Array.from({ length: size }, (_, i) => ({ id: `n${i}`, deps: i === 0 ? [] : [`n${i - 1}`] }));
}

/** One source, size-2 independent middle nodes, one sink that waits for all of them. */
export function wide(size) {
  const middle = Array.from({ length: size - 2 }, (_, i) => ({ id: `n${i + 1}`, deps: ['n0'] }));
  return [{ id: 'n0', deps: [] }, ...middle, { id: `n${size - 1}`, deps: middle.map((m) => m.id) }];
}

/** Layers of about √size nodes; each node depends on 1–3 random nodes of the layer before. */
export function randomLayered(size, seed = 42) {
  const next = random(seed);
  const width = Math.max(2, Math.round(Math.sqrt(size)));
  const nodes = [];
  let previous = [];
  while (nodes.length < size) {
    const layer = [];
    for (let i = 0; i < width && nodes.length < size; i++) {
      const id = `n${nodes.length}`;
      const deps = new Set();
      const count = previous.length === 0 ? 0 : 1 + Math.floor(next() * Math.min(3, previous.length));
      while (deps.size < count) deps.add(previous[Math.floor(next() * previous.length)]);
      nodes.push({ id, deps: [...deps] });
      layer.push(id);
    }
    previous = layer;
  }
  return nodes;
}

export const SHAPES = { chain, wide, random: randomLayered };
