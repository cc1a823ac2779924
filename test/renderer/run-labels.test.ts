// What a node's canvas badge says of its error: the process's own words before how it ended.
import { describe, expect, it } from 'vitest';
import { badgeError } from '../../renderer/src/runs/run-labels';

describe('badgeError', () => {
  it("keeps what the process said, without its exit code or signal", () => {
    expect(badgeError('exited with code 3: ValueError: bad learning rate 0')).toBe('ValueError: bad learning rate 0');
    expect(badgeError('killed by SIGKILL: Killed')).toBe('Killed');
    expect(badgeError('exited with code -1: a: b')).toBe('a: b');
  });

  it('leaves errors with nothing said, and the runner\'s own sentences, whole', () => {
    for (const error of ['exited with code 1', 'killed by SIGTERM', 'timed out after 5 s; its processes were killed', 'upstream node train failed', 'file not found: data.csv', '']) {
      expect(badgeError(error)).toBe(error);
    }
  });
});
