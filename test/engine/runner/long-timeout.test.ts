// afterDelay waits delays setTimeout cannot (beyond 2^31 − 1 ms it would fire at once) in steps, and cancels.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterDelay } from '../../../engine/runner/long-timeout';

const MAX = 2 ** 31 - 1;

describe('afterDelay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires a delay of three setTimeout maximums once, at its end', () => {
    const fired = vi.fn();
    afterDelay(3 * MAX + 5, fired);
    vi.advanceTimersByTime(3 * MAX);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('fires a short delay as setTimeout would, and not once canceled', () => {
    const fired = vi.fn();
    afterDelay(10, fired);
    const canceled = vi.fn();
    const cancel = afterDelay(2 * MAX, canceled);
    vi.advanceTimersByTime(MAX + 10);
    cancel();
    vi.advanceTimersByTime(2 * MAX);
    expect(fired).toHaveBeenCalledOnce();
    expect(canceled).not.toHaveBeenCalled();
  });
});
