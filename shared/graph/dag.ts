// Graph algorithms over node ids and edges: topological order, cycle detection that names the cycle, reachability.

/** The minimum an edge needs for ordering. */
export interface DirectedEdge {
  source: string;
  target: string;
}

/** Outgoing adjacency, ignoring edges whose ends are not in `nodeIds`. */
export function adjacency(nodeIds: readonly string[], edges: readonly DirectedEdge[]): Map<string, string[]> {
  const out = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const edge of edges) {
    if (out.has(edge.source) && out.has(edge.target)) out.get(edge.source)!.push(edge.target);
  }
  return out;
}

/** Result of ordering: the order, or one cycle (node ids in edge order, first id not repeated). */
export type TopologicalResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/**
 * Kahn's algorithm; ties are broken by the order of `nodeIds`, so the result is deterministic and stable
 * (exports and logs stay byte-identical across runs).
 */
export function topologicalOrder(nodeIds: readonly string[], edges: readonly DirectedEdge[]): TopologicalResult {
  const out = adjacency(nodeIds, edges);
  const indegree = new Map<string, number>(nodeIds.map((id) => [id, 0]));
  for (const targets of out.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const rank = new Map(nodeIds.map((id, i) => [id, i]));
  const ready = new MinHeap<string>((a, b) => rank.get(a)! - rank.get(b)!);
  for (const id of nodeIds) if (indegree.get(id) === 0) ready.push(id);
  const order: string[] = [];
  while (ready.size > 0) {
    const id = ready.pop()!;
    order.push(id);
    for (const t of out.get(id)!) {
      const left = indegree.get(t)! - 1;
      indegree.set(t, left);
      if (left === 0) ready.push(t);
    }
  }
  if (order.length === nodeIds.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(nodeIds, edges) ?? [] };
}

/** One cycle as node ids in edge order (`a → b → c → a` gives `[a, b, c]`), or null when the graph is acyclic. */
export function findCycle(nodeIds: readonly string[], edges: readonly DirectedEdge[]): string[] | null {
  const out = adjacency(nodeIds, edges);
  const state = new Map<string, 'open' | 'done'>();
  for (const start of nodeIds) {
    if (state.has(start)) continue;
    // Iterative DFS: pipelines may be thousands of nodes deep, deeper than the JS stack allows.
    const path: string[] = [];
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 'open');
    path.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const targets = out.get(frame.id)!;
      if (frame.next < targets.length) {
        const t = targets[frame.next++]!;
        const s = state.get(t);
        if (s === 'open') return path.slice(path.indexOf(t));
        if (s === undefined) {
          state.set(t, 'open');
          path.push(t);
          stack.push({ id: t, next: 0 });
        }
      } else {
        state.set(frame.id, 'done');
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}

/** Every node reachable from `from` by following edges forward (excluding `from` unless on a cycle). */
export function descendants(from: string, edges: readonly DirectedEdge[]): Set<string> {
  return reach(from, edges, (e) => e.source, (e) => e.target);
}

/** Every node from which `to` is reachable. */
export function ancestors(to: string, edges: readonly DirectedEdge[]): Set<string> {
  return reach(to, edges, (e) => e.target, (e) => e.source);
}

function reach(
  start: string,
  edges: readonly DirectedEdge[],
  from: (e: DirectedEdge) => string,
  to: (e: DirectedEdge) => string,
): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(from(e));
    if (list) list.push(to(e));
    else next.set(from(e), [to(e)]);
  }
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    for (const n of next.get(queue.pop()!) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

/** True when adding `source → target` would close a cycle (including a self-loop). */
export function wouldCreateCycle(source: string, target: string, edges: readonly DirectedEdge[]): boolean {
  return source === target || descendants(target, edges).has(source);
}

/** Small binary heap used for deterministic tie-breaking in topological order. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(a[i]!, a[parent]!) >= 0) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.compare(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.compare(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
