// A clock for elapsed-time displays: re-renders every `intervalMs` while `active`, and reads the time at render.
import { useEffect, useReducer } from 'react';

export function useNow(active: boolean, intervalMs = 250): number {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return Date.now();
}
