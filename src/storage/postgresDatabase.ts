import { createHash } from 'node:crypto';
import { Client as PgClient, Pool, types as pgTypes, type PoolClient, type QueryResult } from 'pg';
import type { Logger } from 'pino';
import { bindValue, numberPlaceholders } from './placeholders';
import type { Database, HeldLock, NotificationHandlers, RunResult, SqlParams, Subscription, Transaction, TransactionOptions } from './sql';

/**
 * How often a transaction that lost a serialization race (or a deadlock) is tried: many writers on
 * one hot row (a popular activity's sign-ups) can each lose several times before their turn.
 */
const MAX_ATTEMPTS = 40;
/** The longest random pause before another attempt, in milliseconds. */
const MAX_BACKOFF_MS = 50;
/**
 * After this many lost races a transaction queues behind the others that lost as often (a session
 * advisory lock, RETRY_LOCK, taken before BEGIN so its snapshot is taken once it has the lock): with
 * many instances writing one hot row, a transaction could otherwise lose every race it enters.
 */
const QUEUE_AFTER_ATTEMPTS = 3;
const RETRY_LOCK = 'huibot:transaction-retry';
/** SQLSTATEs that mean "roll back and try again": serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
/**
 * unique_violation: a concurrent transaction inserted the same key after this one found it absent
 * (PostgreSQL does not always report that as a serialization failure). Tried once more, the
 * transaction sees the row and decides as it would have on SQLite; a second one is a real violation.
 */
const UNIQUE_VIOLATION = '23505';

/** Pause before a lost LISTEN connection is opened again. */
const RELISTEN_MS = 500;
/** Channel names are identifiers: no quoting games. */
const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** How the LISTEN connections appear in pg_stat_activity (tests and operators find them by it). */
export const LISTEN_APPLICATION_NAME = 'huibot-listen';

const INT8 = 20;
const NUMERIC = 1700;
/**
 * Counts and sums come back as int8/numeric, which pg hands over as strings to keep precision;
 * the values here (counts, ids, epoch milliseconds) are safe integers, and SQLite returns numbers.
 */
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pgTypes.getTypeParser(oid, format)) as typeof pgTypes.getTypeParser,
};

/** Numbered texts by `?` text: repositories run the same few hundred statements over and over. */
const translated = new Map<string, string>();
function pgText(sql: string): string {
  let text = translated.get(sql);
  if (text === undefined) {
    text = numberPlaceholders(sql);
    if (translated.size > 2000) translated.clear();
    translated.set(sql, text);
  }
  return text;
}

/**
 * feature_not_supported, as in "cached plan must not change result type": a prepared statement's
 * columns changed under it (a migration by another instance altered a column's type).
 */
const PLAN_CHANGED = '0A000';

/**
 * Names of prepared statements by numbered text (null: run unprepared). A statement with
 * parameters is prepared once per connection and then only bound and executed: the server skips
 * parsing and planning the same few hundred texts over and over. Not for texts with `*` columns,
 * whose result would change under them when a migration adds a column; the name is a hash of the
 * text, so one name never stands for two texts.
 */
const statementNames = new Map<string, string | null>();
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = /\*/.test(text.replace(/COUNT\(\*\)/gi, '')) ? null : `h${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (statementNames.size > 2000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name ?? undefined;
}

type Client = Pick<PoolClient, 'query'>;

/**
 * One statement. `prepare`: as a named prepared statement when it has parameters. `retry`: the
 * client is the pool (autocommit), so a statement whose prepared plan no longer fits runs again
 * unprepared; in a transaction the error ends the transaction. Either way the text runs unprepared from then on.
 */
async function query(client: Client, sql: string, params: SqlParams = [], prepare = false, retry = false): Promise<QueryResult> {
  const text = pgText(sql);
  const values = params.map(bindValue);
  const name = prepare && values.length > 0 ? statementName(text) : undefined;
  if (!name) return client.query(text, values);
  try {
    return await client.query({ name, text, values });
  } catch (err) {
    if ((err as { code?: string }).code !== PLAN_CHANGED) throw err;
    statementNames.set(text, null);
    if (!retry) throw err;
    return client.query(text, values);
  }
}

async function runOn(client: Client, sql: string, params?: SqlParams, prepare = false, retry = false): Promise<RunResult> {
  const result = await query(client, sql, params, prepare, retry);
  const id = (result.rows[0] as { id?: unknown } | undefined)?.id;
  return { changes: result.rowCount ?? 0, lastID: typeof id === 'number' ? id : Number(id ?? 0) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface PostgresOptions {
  /** Connections in the pool (at least 2: a held lock uses one). */
  poolSize?: number;
  /**
   * Statements with parameters as named prepared statements (default true). Off behind a
   * connection pooler that hands one client's statements to different server connections
   * (PgBouncer in transaction mode before 1.21, or without max_prepared_statements).
   */
  preparedStatements?: boolean;
  logger?: Logger;
}

/**
 * PostgreSQL through a `pg` pool. Statements outside a transaction take any free connection;
 * a transaction holds one connection from BEGIN to COMMIT, so transactions run side by side
 * (no process-wide lock) and PostgreSQL's serializable isolation keeps them correct.
 */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  private closed = false;
  /** Locks taken with tryLock and not yet released: close() releases them (their connections are checked out). */
  private readonly heldLocks = new Set<HeldLock>();
  private readonly subscriptions = new Set<Subscription>();

  private constructor(
    private readonly pool: Pool,
    private readonly url: string,
    private readonly logger?: Logger,
    private readonly prepare = true,
  ) {}

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
    const pool = new Pool({
      connectionString: url,
      max: Math.max(2, options.poolSize ?? 10),
      types: typeParsers,
      idleTimeoutMillis: 10000,
      allowExitOnIdle: true,
    });
    // An idle connection that breaks (server restart) emits here; without a listener it would crash the process.
    pool.on('error', (err) => options.logger?.warn({ err }, 'idle PostgreSQL connection failed'));
    const db = new PostgresDatabase(pool, url, options.logger, options.preparedStatements ?? true);
    try {
      await db.get('SELECT 1 AS ok');
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    options.logger?.debug({ poolSize: pool.options.max }, 'PostgreSQL pool opened');
    return db;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return runOn(this.pool, sql, params, this.prepare, true);
  }

  async get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await query(this.pool, sql, params, this.prepare, true)).rows[0] as T | undefined;
  }

  async all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    return (await query(this.pool, sql, params, this.prepare, true)).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  /**
   * A connection of the pool for the caller alone. A connection that breaks while checked out
   * emits 'error' (with no listener that would end the process); it is noted, the statement in
   * flight fails, and the pool discards the connection on release.
   */
  private async checkOut(): Promise<{ client: PoolClient; release: (err?: Error) => void }> {
    const client = await this.pool.connect();
    let lost: Error | undefined;
    const onError = (err: Error) => {
      lost = err;
      this.logger?.warn({ err }, 'PostgreSQL connection lost');
    };
    client.on('error', onError);
    return {
      client,
      release: (err) => {
        client.off('error', onError);
        client.release(err ?? lost);
      },
    };
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const begin = options.isolation === 'read committed' ? 'BEGIN ISOLATION LEVEL READ COMMITTED' : 'BEGIN ISOLATION LEVEL SERIALIZABLE';
    const { client, release } = await this.checkOut();
    const tx: Transaction = {
      run: (sql, params) => runOn(client, sql, params, this.prepare),
      get: async <R>(sql: string, params?: SqlParams) => (await query(client, sql, params, this.prepare)).rows[0] as R | undefined,
      all: async <R>(sql: string, params?: SqlParams) => (await query(client, sql, params, this.prepare)).rows as R[],
      exec: async (sql) => {
        await client.query(sql);
      },
    };
    let broken: Error | undefined;
    let uniqueRetried = false;
    let queued = false;
    try {
      for (let attempt = 1; ; attempt++) {
        if (attempt > QUEUE_AFTER_ATTEMPTS && !queued) {
          await client.query('SELECT pg_advisory_lock(hashtext($1))', [RETRY_LOCK]);
          queued = true;
        }
        await client.query(begin);
        try {
          const value = await fn(tx);
          await client.query('COMMIT');
          return value;
        } catch (err) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => {
            broken = rollbackError;
          });
          const code = (err as { code?: string }).code;
          const retryUnique = code === UNIQUE_VIOLATION && !uniqueRetried;
          if (broken || !code || !(RETRYABLE.has(code) || retryUnique) || attempt >= MAX_ATTEMPTS) throw err;
          if (retryUnique) uniqueRetried = true;
          this.logger?.debug({ code, attempt }, 'transaction retried after a serialization conflict');
          // Random, growing back-off so the transactions that collided do not collide again in step.
          await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
        }
      }
    } finally {
      if (queued && !broken) {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [RETRY_LOCK]).catch((err: Error) => {
          broken = err;
        });
      }
      // A connection whose ROLLBACK (or unlock) failed is in an unknown state: the pool discards it.
      release(broken);
    }
  }

  /** A session advisory lock held on its own connection while `fn` runs (fn uses the pool as usual). */
  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const { client, release } = await this.checkOut();
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch((err: Error) => {
          broken = err;
        });
      }
    } finally {
      release(broken);
    }
  }

  /**
   * A session advisory lock on a connection of its own, kept until `release()`: the lock lives as
   * long as that connection, so a holder that dies (or loses its connection) frees it for others.
   */
  async tryLock(name: string): Promise<HeldLock | undefined> {
    const { client, release } = await this.checkOut();
    let locked: boolean;
    try {
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [name]);
      locked = result.rows[0]?.locked === true;
    } catch (err) {
      release(err as Error);
      throw err;
    }
    if (!locked) {
      release();
      return undefined;
    }
    let held = true;
    let broken: Error | undefined;
    const onError = (err: Error) => {
      held = false;
      broken = err;
    };
    client.on('error', onError);
    const lock: HeldLock = {
      get held() {
        return held;
      },
      release: async () => {
        if (!this.heldLocks.delete(lock)) return;
        client.off('error', onError);
        if (held) {
          held = false;
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch((err: Error) => {
            broken = err;
          });
        }
        release(broken);
      },
    };
    this.heldLocks.add(lock);
    return lock;
  }

  /**
   * LISTEN on a client of its own, outside the pool (a pooled connection would be handed to other
   * statements). A broken connection is replaced every RELISTEN_MS until it listens again.
   */
  async listen(channel: string, handlers: NotificationHandlers): Promise<Subscription> {
    if (!CHANNEL_NAME.test(channel)) throw new Error(`invalid notification channel "${channel}"`);
    let client: PgClient | undefined;
    let listening = false;
    let closed = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const next = new PgClient({ connectionString: this.url, application_name: LISTEN_APPLICATION_NAME });
      const lost = (err: Error) => {
        if (client !== next) return;
        client = undefined;
        listening = false;
        next.removeAllListeners('notification');
        next.end().catch(() => undefined);
        if (closed) return;
        this.logger?.warn({ err, channel }, 'PostgreSQL LISTEN connection lost; reconnecting');
        handlers.onLost?.(err);
        schedule();
      };
      next.on('error', lost);
      next.on('end', () => lost(new Error('connection ended')));
      next.on('notification', (message) => {
        if (message.channel === channel) handlers.onPayload(message.payload ?? '');
      });
      client = next;
      try {
        await next.connect();
        await next.query(`LISTEN ${channel}`);
      } catch (err) {
        lost(err as Error);
        throw err;
      }
      if (closed || client !== next) return;
      listening = true;
      handlers.onListening?.();
    };
    const schedule = () => {
      retry = setTimeout(() => {
        retry = undefined;
        if (!closed) connect().catch(() => undefined); // a failure schedules the next try itself
      }, RELISTEN_MS);
      retry.unref();
    };
    const subscription: Subscription = {
      get listening() {
        return listening;
      },
      close: async () => {
        if (closed) return;
        closed = true;
        listening = false;
        clearTimeout(retry);
        this.subscriptions.delete(subscription);
        const current = client;
        client = undefined;
        await current?.end().catch(() => undefined);
      },
    };
    this.subscriptions.add(subscription);
    try {
      await connect();
    } catch (err) {
      await subscription.close();
      throw err;
    }
    return subscription;
  }

  async checkpoint(): Promise<void> {
    // PostgreSQL reclaims space with autovacuum; nothing to do here.
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.heldLocks].map((lock) => lock.release()));
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.pool.end();
  }
}
