// Opens pipewright.db safely: refuses foreign, corrupt or newer databases untouched, then applies pending migrations.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { storeMigrations, type StoreMigration } from './migrations/index';

/** Marks the file as Pipewright's ("PIPE"), so a stray SQLite file is never migrated by mistake. */
export const APPLICATION_ID = 0x50495045;

export type Db = Database.Database;

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

/** Opens (creating if absent) and migrates the database at `file`. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? storeMigrations;
  const latest = migrations.at(-1)?.id ?? 0;
  if (existsSync(file)) inspectExisting(file, latest, options.nativeBinding);
  const db = new Database(file, nativeOption(options.nativeBinding));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    applyMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Read-only look at an existing file, so nothing is written to a database we are about to refuse. */
function inspectExisting(file: string, latest: number, nativeBinding?: string): void {
  let probe: Db;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, ...nativeOption(nativeBinding) });
  } catch (error) {
    throw refused(file, `it cannot be opened (${(error as Error).message})`);
  }
  try {
    const check = probe.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw refused(file, `it is damaged (integrity check: ${check})`);
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const empty = (probe.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n === 0;
    if (!empty && appId !== APPLICATION_ID) throw refused(file, 'it is not a Pipewright database');
    if (version > latest) {
      throw refused(
        file,
        `it was written by a newer version of Pipewright (database schema ${version}; this version knows up to ${latest}) — update Pipewright`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseRefusedError) throw error;
    throw refused(file, `it is not a valid SQLite database or is damaged (${(error as Error).message})`);
  } finally {
    probe.close();
  }
}

function applyMigrations(db: Db, migrations: readonly StoreMigration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id));
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.id}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
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
