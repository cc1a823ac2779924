// Failures of the SQLite store that come from where it lives — a full disk, a read-only or failing file system, a
// damaged file, another program holding its lock — worded for a person; writes that are only housekeeping (crash
// recovery) let reads go on without them.
import { BUSY_TIMEOUT_MS } from './database';

const REASONS: Record<string, string> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'it is read-only',
  SQLITE_IOERR: 'the disk failed to read or write it',
  SQLITE_CORRUPT: 'the file is damaged',
  SQLITE_NOTADB: 'the file is not a database',
  SQLITE_CANTOPEN: 'it cannot be opened',
  SQLITE_BUSY: `another process kept it locked for more than ${BUSY_TIMEOUT_MS / 1000} s (a database browser, a backup?)`,
};

/** Codes of a store that cannot be written now, while it can still be read. */
const UNWRITABLE = new Set(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_BUSY']);

/** The primary result code of an error better-sqlite3 threw (SQLITE_IOERR for SQLITE_IOERR_WRITE), else undefined. */
function primaryCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? /^SQLITE_[A-Z]+/.exec(code)?.[0] : undefined;
}

/** "the disk is full [SQLITE_FULL]" for a failure of the store's surroundings; undefined for any other error. */
export function storeFailureText(error: unknown): string | undefined {
  const reason = REASONS[primaryCode(error) ?? ''];
  return reason && `${reason} [${(error as { code: string }).code}]`;
}

/** Runs a housekeeping write; when the store cannot be written now (full disk, read-only), returns `fallback`. */
export function unlessUnwritable<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    if (UNWRITABLE.has(primaryCode(error) ?? '')) return fallback;
    throw error;
  }
}
