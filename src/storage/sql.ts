/**
 * The data-access contract shared by both engines (SQLite and PostgreSQL). Repositories write one
 * SQL text with `?` placeholders in the common subset of both dialects; the PostgreSQL engine
 * numbers the placeholders. Where the dialects really differ, Database offers a named helper
 * instead of SQL rewriting.
 */

export type Engine = 'sqlite' | 'postgres';

/** Positional values for the `?` placeholders, in order. */
export type SqlParams = unknown[];

export interface RunResult {
  /**
   * The id of the inserted row: SQLite's rowid, or on either engine the `id` an
   * `INSERT … RETURNING id` returned (write RETURNING id wherever the id is needed).
   */
  lastID: number;
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** The statements available inside and outside a transaction. */
export interface Queryable {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
}

/** The handle a transaction's function receives: statements on the transaction's own connection. */
export interface Transaction extends Queryable {
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Options of `Database.transaction`. */
export interface TransactionOptions {
  /**
   * PostgreSQL only (SQLite runs one transaction at a time): 'read committed' for a transaction
   * whose correctness rests on keys and row locks alone (inserts at explicit keys, UPDATEs guarded
   * by their WHERE), so it need not pay for serializable's predicate locks. Default 'serializable'.
   */
  isolation?: 'serializable' | 'read committed';
}

/** A lock taken with `Database.tryLock`, held until released (e.g. for the process lifetime). */
export interface HeldLock {
  /** False once released, or once the PostgreSQL connection holding it broke (the lock is then free for others). */
  readonly held: boolean;
  release(): Promise<void>;
}

/** Callbacks of `Database.listen`. */
export interface NotificationHandlers {
  /** A notification's payload (PostgreSQL NOTIFY). */
  onPayload(payload: string): void;
  /** The subscription is (again) listening: notifications sent while it was down are lost, so re-read. */
  onListening?(): void;
  /** Its connection broke; it reconnects by itself. */
  onLost?(err: Error): void;
}

/** A `Database.listen` subscription, on a connection of its own. */
export interface Subscription {
  /** False while its connection is down (notifications sent meanwhile are not delivered). */
  readonly listening: boolean;
  close(): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: Engine;
  readonly isClosed: boolean;
  /** Several statements without parameters (migrations, settings). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` as one serializable transaction, rolled back if it throws. Inside, use `tx` only.
   * On PostgreSQL, a transaction that lost a serialization race is rolled back and `fn` runs
   * again (a few times at most), so `fn` must keep its effects to the database until it returns.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs `fn` while holding the lock `name`, across every process using this database on
   * PostgreSQL (an advisory lock), within this process on SQLite (one process per file).
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Takes the lock `name` (the same lock as `withLock`) if it is free, without waiting, and holds it
   * until released: resolves undefined when another holder has it.
   */
  tryLock(name: string): Promise<HeldLock | undefined>;
  /**
   * PostgreSQL only (absent on SQLite, where one process owns the file): receives the payloads of
   * `pg_notify(channel, …)` from every process using the database, on one dedicated connection
   * that reconnects after a loss. Resolves once listening.
   */
  listen?(channel: string, handlers: NotificationHandlers): Promise<Subscription>;
  /** After bulk deletions: SQLite folds its write-ahead log back into the file; nothing on PostgreSQL. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}
