// The UI's own preferences (snap to grid, the run panel's height), kept in localStorage across restarts; absent in
// tests without a DOM, where the defaults apply.

export function readPreference(key: string, fallback: boolean): boolean {
  const value = globalThis.localStorage?.getItem(key);
  return value === null || value === undefined ? fallback : value === 'true';
}

/** A number preference kept between `min` and `max`; the fallback when absent or not a number. */
export function readNumberPreference(key: string, fallback: number, min: number, max: number): number {
  const value = Number(globalThis.localStorage?.getItem(key) ?? Number.NaN);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export function writePreference(key: string, value: boolean | number | string): void {
  globalThis.localStorage?.setItem(key, String(value));
}
