// Launches that wait for another launch's process to end ("start B the moment A exits"), so a process slot freed by
// a node is refilled without waiting for the engine to react. Used by the spawner helper and by direct launches alike.

/** Launch ids whose processes run (or are starting), and the launches parked behind each. */
export class FollowQueue<T> {
  private readonly running = new Set<number>();
  private readonly parked = new Map<number, T[]>();

  /** `id`'s process is starting or running. */
  started(id: number): void {
    this.running.add(id);
  }

  /** `id`'s process ended (or never started): returns the launches parked behind it, to start now. */
  ended(id: number): T[] {
    this.running.delete(id);
    const followers = this.parked.get(id) ?? [];
    this.parked.delete(id);
    return followers;
  }

  /** Parks `item` behind `after` while that runs; false when `after` already ended, so `item` starts now. */
  park(after: number, item: T): boolean {
    if (!this.running.has(after)) return false;
    const list = this.parked.get(after);
    if (list) list.push(item);
    else this.parked.set(after, [item]);
    return true;
  }

  /** Takes a parked launch back; undefined when none matches (it started already, or was never parked). */
  unpark(matches: (item: T) => boolean): T | undefined {
    for (const [after, list] of this.parked) {
      const at = list.findIndex(matches);
      if (at === -1) continue;
      const [item] = list.splice(at, 1);
      if (list.length === 0) this.parked.delete(after);
      return item;
    }
    return undefined;
  }
}
