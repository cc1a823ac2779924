// Splits a line budget between nodes fairly: quiet nodes keep all their lines, the rest share what is left.

/** For each count, how many to keep so the total is at most `budget` (water-filling; order of counts kept). */
export function fairShares(counts: readonly number[], budget: number): number[] {
  const keep = counts.map(() => 0);
  let left = budget;
  let open = counts.map((_, i) => i).filter((i) => counts[i]! > 0);
  while (open.length > 0 && left > 0) {
    const share = Math.max(1, Math.floor(left / open.length));
    const next: number[] = [];
    for (const i of open) {
      const give = Math.min(share, counts[i]! - keep[i]!, left);
      keep[i]! += give;
      left -= give;
      if (keep[i]! < counts[i]!) next.push(i);
    }
    if (next.length === open.length && share === 1 && left === 0) break;
    open = next;
  }
  return keep;
}
