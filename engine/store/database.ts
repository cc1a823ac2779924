// Opens pipewright.db safely: refuses foreign, corrupt or newer databases untouched, then applies pending migrations.
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { fileErrorText } from '../file-error-text';
import { storeMigrations, type StoreMigration } from './migrations/index';

/** Marks the file as Pipewright's ("PIPE"), so a stray SQLite file is never migrated by mistake. */
export const APPLICATION_ID = 0x50495045;

export type Db = Database.Database;

/**
 * Runs `work` in one IMMEDIATE transaction and returns its result. The write lock is taken first — waiting up to
 * BUSY_TIMEOUT_MS while another process (the desktop app, a CLI run) writes — so what `work` reads stays true until it
 * writes. A deferred transaction that reads and then writes after another process committed fails "database is
 * locked" at once (SQLite cannot wait there), and a read-then-insert (a free name, the next version) could collide.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}

/** The database cannot be used; the file was not modified. */
export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for this runtime (the Electron shell passes its own). */
  nativeBinding?: string;
  migrations?: readonly StoreMigration[];
}

/**
 * Opens (creating if absent) and migrates the database at `file`. Every CLI command starts here, so the checks are
 * cheap: the file's header is read before SQLite opens it (a foreign, newer or garbage file is refused without
 * SQLite touching it), the one connection confirms it (the header on disk can lag behind the WAL), and the full
 * `quick_check` — which reads the whole file, a cost that grows with every stored run — runs only before migrations
 * change a file. Damage elsewhere is reported by SQLite where it is met.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? storeMigrations;
  const latest = migrations.at(-1)?.id ?? 0;
  const existing = (statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0;
  if (existing) checkIdentity(file, readHeader(file), latest);
  let db: Db;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS, ...nativeOption(options.nativeBinding) });
  } catch (error) {
    throw unwritableFolder(file) ?? refused(file, `it cannot be opened (${(error as Error).message})`);
  }
  try {
    if (existing) {
      const identity = readIdentity(db, file);
      checkIdentity(file, identity, latest);
      // Each migration sets user_version to its id: below the latest, migrations will change this file.
      if (identity.userVersion < latest) checkIntact(db, file);
    } else {
      // Set before the first table (it cannot change after without rewriting the file): pages that deleted runs
      // free can be given back to the file system (giveBackFreePages).
      db.pragma('auto_vacuum = INCREMENTAL');
    }
    useWal(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What decides whether a database is ours to open: its application id, schema version and whether it has tables. */
interface Identity {
  applicationId: number;
  userVersion: number;
  empty: boolean;
}

/** The identity in the file's 100-byte header (https://sqlite.org/fileformat.html), without opening it with SQLite. */
function readHeader(file: string): Identity {
  const header = Buffer.alloc(100);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw refused(file, `it cannot be opened (${(error as Error).message})`);
  }
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const pageSize = header.readUInt16BE(16);
  const validPageSize = pageSize === 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) === 0);
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0' || !validPageSize) {
    throw refused(file, 'it is not a valid SQLite database or is damaged (its header is not an SQLite header)');
  }
  // The schema cookie counts schema changes: 0 means no table was ever created.
  return { applicationId: header.readUInt32BE(68), userVersion: header.readUInt32BE(60), empty: header.readUInt32BE(40) === 0 };
}

/**
 * The identity as the open connection sees it (the WAL included); nothing has been written yet. The three reads share
 * one read transaction: read apart, another process marking and migrating a fresh file between them made it look like
 * tables without Pipewright's mark ("not a Pipewright database").
 */
function readIdentity(db: Db, file: string): Identity {
  try {
    return db.transaction(() => ({
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      empty: (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0,
    }))();
  } catch (error) {
    // SQLite writes beside the file even to read it (the WAL's index): a folder it cannot write looks like a bad file.
    throw unwritableFolder(file) ?? refused(file, `it is not a valid SQLite database or is damaged (${(error as Error).message})`);
  }
}

/** The error for a database whose folder cannot be written (a read-only file system, no permission); else undefined. */
function unwritableFolder(file: string): DatabaseRefusedError | undefined {
  try {
    accessSync(dirname(file), constants.W_OK);
    return undefined;
  } catch (error) {
    return new DatabaseRefusedError(
      `Pipewright cannot open ${file}: its folder cannot be written (${fileErrorText(error)}), and SQLite writes beside the database even to read it. Make the folder writable, or set PIPEWRIGHT_HOME to another folder.`,
    );
  }
}

function checkIdentity(file: string, identity: Identity, latest: number): void {
  if (!identity.empty && identity.applicationId !== APPLICATION_ID) throw refused(file, 'it is not a Pipewright database');
  if (identity.userVersion > latest) {
    throw refused(
      file,
      `it was written by a newer version of Pipewright (database schema ${identity.userVersion}; this version knows up to ${latest}) — update Pipewright`,
    );
  }
}

/** Reads every page: a damaged database is refused before migrations write to it. */
function checkIntact(db: Db, file: string): void {
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw refused(file, `it is damaged (integrity check: ${check})`);
}

/**
 * Applies the migrations this file lacks, each in its own IMMEDIATE transaction that first takes the write lock and
 * then checks whether it is still needed: another process opening the same home at the same moment (the desktop app
 * and a CLI run, parallel CLI runs in a script) may have applied it meanwhile, and must not have it applied twice.
 */
function applyMigrations(db: Db, migrations: readonly StoreMigration[]): void {
  const latest = migrations.at(-1)?.id ?? 0;
  if ((db.pragma('user_version', { simple: true }) as number) >= latest) return;
  // The file is marked as Pipewright's in the same transaction that gives it its first table: another process opening
  // it meanwhile never sees tables without the mark (it would refuse the file as "not a Pipewright database").
  writeTransaction(db, () => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  });
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    writeTransaction(db, () => {
      if (isApplied.get(migration.id)) return;
      db.exec(migration.sql);
      record.run(migration.id, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.id}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    });
  }
}

/**
 * Gives the pages deletions freed back to the file system and returns how many bytes that is. Only a database made
 * with auto_vacuum = INCREMENTAL (every one since 28 Nov 2026) can; in an older one the free pages stay and are
 * reused. In WAL mode the file shrinks at the checkpoint, tried here without waiting for other processes' readers.
 */
export function giveBackFreePages(db: Db): number {
  if ((db.pragma('auto_vacuum', { simple: true }) as number) !== INCREMENTAL_VACUUM) return 0;
  const freed = (db.pragma('freelist_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  db.pragma('incremental_vacuum');
  db.pragma('wal_checkpoint(PASSIVE)');
  return freed;
}

/** `PRAGMA auto_vacuum` of a database whose free pages incremental_vacuum can give back. */
const INCREMENTAL_VACUUM = 2;

/** How long a statement waits for another process's lock (the app and a CLI run share the file) before failing. */
export const BUSY_TIMEOUT_MS = 5000;

/** How long, at most, opening waits for another process switching a fresh file to WAL at the same moment. */
const WAL_SWITCH_WAIT_MS = 5000;

/**
 * Puts the file in WAL mode (readers never block the writer). Switching takes an exclusive lock, and SQLite does not
 * wait for one there (busy_timeout does not apply): when another process is switching or migrating a fresh file at
 * the same moment, this tries again for a while instead of failing "database is locked".
 */
function useWal(db: Db): void {
  const deadline = Date.now() + WAL_SWITCH_WAIT_MS;
  for (;;) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function refused(file: string, why: string): DatabaseRefusedError {
  return new DatabaseRefusedError(
    `Pipewright will not open ${file}: ${why}. The file was left untouched; move it aside (or set PIPEWRIGHT_HOME to another folder) to start with a fresh database.`,
  );
}

function nativeOption(nativeBinding?: string): { nativeBinding?: string } {
  return nativeBinding ? { nativeBinding } : {};
}
