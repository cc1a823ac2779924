// A line of output as plain text for one-line places: escape sequences, control characters and overwritten text dropped.
import { describe, expect, it } from 'vitest';
import { plainText } from '../../shared/runs/plain-text';

describe('plainText', () => {
  it('drops colours, cursor moves and control characters', () => {
    expect(plainText('\u001b[32m 45%\u001b[0m|████▌ | 45/100 [00:02<00:03]\u0007\t')).toBe(' 45%|████▌ | 45/100 [00:02<00:03]');
    expect(plainText('\u001b[2K\u001b[1Gdone')).toBe('done');
  });

  it('keeps what a carriage return wrote last, as a terminal shows it', () => {
    expect(plainText('download 50%\rdownload 100%')).toBe('download 100%');
    expect(plainText('error: disk full\r\u001b[0m')).toBe('error: disk full');
    expect(plainText('\r\r')).toBe('');
  });
});
