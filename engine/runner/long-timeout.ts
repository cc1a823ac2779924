// setTimeout for any delay: Node fires a delay above 2^31 − 1 ms (~24.8 days) after 1 ms instead (with a warning), so
// a node timeout of a month would end the node at once. Longer delays are waited for in steps.

/** The longest delay setTimeout honours. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Calls `fire` once `ms` have passed; returns a function that cancels it. */
export function afterDelay(ms: number, fire: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = (left: number) => {
    timer = setTimeout(() => (left > MAX_DELAY_MS ? arm(left - MAX_DELAY_MS) : fire()), Math.min(left, MAX_DELAY_MS));
  };
  arm(ms);
  return () => clearTimeout(timer);
}
