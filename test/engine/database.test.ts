// Opening pipewright.db: migrations recorded once; newer, foreign and corrupt files refused and left untouched.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, DatabaseRefusedError, openDatabase } from '../../engine/store/database';
import { storeMigrations } from '../../engine/store/migrations/index';
import { tempDir } from '../support/temp-home';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates the schema in WAL mode and records each migration once', () => {
    const file = join(tempDir(), 'pipewright.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(storeMigrations.at(-1)!.id);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const rows = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all();
    expect(rows).toEqual(storeMigrations.map((m) => ({ id: m.id, name: m.name })));
    db.close();
  });

  it('applies only the migrations a database lacks', () => {
    const file = join(tempDir(), 'pipewright.db');
    const first = [{ id: 1, name: 'one', sql: 'CREATE TABLE one (x)' }];
    openDatabase(file, { migrations: first }).close();
    const db = openDatabase(file, { migrations: [...first, { id: 2, name: 'two', sql: 'CREATE TABLE two (y)' }] });
    expect(db.prepare('SELECT id FROM schema_migrations').all()).toEqual([{ id: 1 }, { id: 2 }]);
    db.close();
  });

  it('rolls a failing migration back completely', () => {
    const file = join(tempDir(), 'pipewright.db');
    const bad = [{ id: 1, name: 'bad', sql: 'CREATE TABLE ok (x); CREATE TABLE broken (' }];
    expect(() => openDatabase(file, { migrations: bad })).toThrow();
    const db = new Database(file);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'ok'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database written by a newer version and does not modify it', () => {
    const file = join(tempDir(), 'pipewright.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/newer version of Pipewright \(database schema 999/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a corrupt file and a foreign SQLite database, untouched', () => {
    const dir = tempDir();
    const corrupt = join(dir, 'corrupt.db');
    writeFileSync(corrupt, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    const before = sha(corrupt);
    expect(() => openDatabase(corrupt)).toThrow(DatabaseRefusedError);
    expect(sha(corrupt)).toBe(before);

    const text = join(dir, 'notes.db');
    writeFileSync(text, 'these are my notes, not a database\n'.repeat(50));
    expect(() => openDatabase(text)).toThrow(/not a valid SQLite database|cannot be opened/);

    const foreign = join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE photos (id)');
    other.close();
    const foreignBefore = sha(foreign);
    expect(() => openDatabase(foreign)).toThrow(/not a Pipewright database/);
    expect(sha(foreign)).toBe(foreignBefore);
  });

  it('checks a database page by page before migrating it, and refuses a damaged one untouched', () => {
    const file = join(tempDir(), 'pipewright.db');
    const first = [{ id: 1, name: 'one', sql: 'CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x)' }];
    const db = openDatabase(file, { migrations: first });
    db.prepare('INSERT INTO t SELECT hex(randomblob(64)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i FROM n)').run();
    db.pragma('journal_mode = DELETE');
    db.close();
    // Scribble over the middle of the file: table or index pages, never the header SQLite needs to open it.
    const bytes = readFileSync(file);
    bytes.fill(0x55, bytes.length / 2, bytes.length / 2 + 4096);
    writeFileSync(file, bytes);
    const before = sha(file);
    expect(() => openDatabase(file, { migrations: [...first, { id: 2, name: 'two', sql: 'CREATE TABLE two (y)' }] })).toThrow(/it is damaged/);
    expect(sha(file)).toBe(before);
  });
});
