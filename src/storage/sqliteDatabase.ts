import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { Logger } from 'pino';
import type { Database, HeldLock, RunResult, SqlParams, Transaction } from './sql';

/** Prepared statements kept per connection (hot statements are a few dozen). */
const MAX_PREPARED = 200;

/** Statements that return rows even when run for their effect (PRAGMA, SELECT, … RETURNING). */
const YIELDS_ROWS = /^\s*(PRAGMA|SELECT|WITH|VALUES)\b|\bRETURNING\b/i;

/**
 * The SQLite engine: one SQLite connection with a promise API.
 *
 * sqlite3 is asynchronous and a connection has a single transaction scope, so two flows that
 * awaited between BEGIN and COMMIT would interleave their statements. Every statement therefore
 * goes through one lock: a transaction holds it from BEGIN to COMMIT/ROLLBACK, and a plain
 * statement takes it for its own duration. Inside `transaction(fn)` use the `tx` handle
 * (calling `db.run` there would wait for the lock the transaction holds).
 */
export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  private lock: Promise<void> = Promise.resolve();
  private closed = false;
  /**
   * Prepared statements by SQL text, least recently used first. Re-running a prepared statement
   * costs about half of preparing, running and finalizing it each time (`conn.run`), on the
   * main thread and in SQLite alike. Only used while holding the lock, so never run twice at once.
   */
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();
  /** withLock(name): the last holder's settlement per name. */
  private readonly namedLocks = new Map<string, Promise<void>>();

  private constructor(
    private readonly conn: sqlite3.Database,
    readonly file: string,
  ) {}

  static async open(file: string, logger?: Logger): Promise<SqliteDatabase> {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
      const c = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(c)));
    });
    const db = new SqliteDatabase(conn, file);
    conn.configure('busyTimeout', 5000);
    // secure_delete: deleted and redacted personal data is overwritten in the file, not left in free pages.
    await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;');
    logger?.debug({ file }, 'database opened');
    return db;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.lock.then(work);
    this.lock = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** The prepared statement for `sql`, prepared on first use; a statement that fails to prepare is not kept. */
  private prepared(sql: string): Promise<sqlite3.Statement> {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql); // re-insert: Map order is the recency order
    } else {
      statement = new Promise<sqlite3.Statement>((resolve, reject) => {
        const prepared = this.conn.prepare(sql, (err) => (err ? reject(err) : resolve(prepared)));
      });
      statement.catch(() => this.statements.delete(sql));
      if (this.statements.size >= MAX_PREPARED) {
        const [oldestSql, oldest] = this.statements.entries().next().value as [string, Promise<sqlite3.Statement>];
        this.statements.delete(oldestSql);
        void oldest.then((s) => s.finalize(), () => undefined);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }

  private async rawRun(sql: string, params: SqlParams = []): Promise<RunResult> {
    const statement = await this.prepared(sql);
    const result = await new Promise<RunResult>((resolve, reject) => {
      statement.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ lastID: this.lastID, changes: this.changes });
      });
    });
    // run() steps once: a statement that produced a row stays active (holding its snapshot, and a
    // pending write blocks COMMIT with "SQL statements in progress") until it is reset.
    if (YIELDS_ROWS.test(sql)) await new Promise<void>((resolve) => statement.reset(() => resolve()));
    return result;
  }

  /**
   * A one-off statement, finalized before the promise settles: a kept statement stepped once would
   * stay active, and a COMMIT issued before a lazy finalize (e.g. after INSERT … RETURNING) fails.
   */
  private rawGet<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      const statement = this.conn.prepare(sql, (prepareError: Error | null) => {
        if (prepareError) return reject(prepareError);
        statement.get(params, (err: Error | null, row: T) => statement.finalize(() => (err ? reject(err) : resolve(row))));
      });
    });
  }

  private async rawAll<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    const statement = await this.prepared(sql);
    return new Promise((resolve, reject) => {
      statement.all(params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  private rawExec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.conn.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.serialised(() => this.rawRun(sql, params));
  }

  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.serialised(() => this.rawGet<T>(sql, params));
  }

  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.serialised(() => this.rawAll<T>(sql, params));
  }

  /** Runs several statements (migrations, pragmas); no parameters. */
  exec(sql: string): Promise<void> {
    return this.serialised(() => this.rawExec(sql));
  }

  /** Runs `fn` inside BEGIN IMMEDIATE … COMMIT; rolls back if it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.serialised(async () => {
      const tx: Transaction = {
        run: (sql: string, params?: SqlParams) => this.rawRun(sql, params),
        get: <R>(sql: string, params?: SqlParams) => this.rawGet<R>(sql, params),
        all: <R>(sql: string, params?: SqlParams) => this.rawAll<R>(sql, params),
        exec: (sql: string) => this.rawExec(sql),
      };
      await this.rawExec('BEGIN IMMEDIATE');
      try {
        const value = await fn(tx);
        await this.rawExec('COMMIT');
        return value;
      } catch (err) {
        await this.rawExec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  /** One process per SQLite file: a lock in this process is a lock on the database. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.namedLocks.get(name) ?? Promise.resolve();
    const result = previous.then(fn);
    // Freed before the caller resumes, so a tryLock right after finds the lock free.
    const free = () => {
      if (this.namedLocks.get(name) === settled) this.namedLocks.delete(name);
    };
    const settled: Promise<void> = result.then(free, free);
    this.namedLocks.set(name, settled);
    return result;
  }

  /** The lock `name` if no one in this process holds or awaits it; `withLock(name)` waits for its release. */
  async tryLock(name: string): Promise<HeldLock | undefined> {
    if (this.namedLocks.has(name)) return undefined;
    let free!: () => void;
    const holding = new Promise<void>((resolve) => (free = resolve));
    this.namedLocks.set(name, holding);
    let held = true;
    return {
      get held() {
        return held;
      },
      release: async () => {
        if (!held) return;
        held = false;
        if (this.namedLocks.get(name) === holding) this.namedLocks.delete(name);
        free();
      },
    };
  }

  async checkpoint(): Promise<void> {
    await this.run('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.serialised(
      () =>
        new Promise<void>((resolve, reject) => {
          this.closed = true;
          // SQLite refuses to close while statements are still prepared.
          const statements = [...this.statements.values()];
          this.statements.clear();
          void Promise.allSettled(statements.map((p) => p.then((s) => new Promise((done) => s.finalize(done))))).then(() =>
            this.conn.close((err) => (err ? reject(err) : resolve())),
          );
        }),
    );
  }
}
