import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../../storage/database';
import { generateSigningKey } from './tokens';

export interface ConversationRecord {
  conversationId: string;
  userId?: string;
  userName?: string;
  locale?: string;
}

/**
 * One activity of a stream, kept as the JSON text clients receive: it is serialised once when
 * appended and never parsed again on the way out (polls and stream frames splice the texts).
 */
export interface StoredActivity {
  seq: number;
  type: string;
  json: string;
  /** When it was appended; absent for rows read back from the database (parsed on demand). */
  timestampMs?: number;
}

interface PendingAppend {
  /** one row's 4 parameters per activity */
  params: unknown[];
  rows: number;
  /** runs in the same transaction as the insert (a delivery marked sent: exactly once) */
  inTransaction?: (tx: Queryable) => Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** The notification channel of appends on a shared database; the payload is the conversation id. */
export const ACTIVITY_CHANNEL = 'directline_activity';
/** Tries of a shared append that lost its seq to another process's append. */
const SHARED_APPEND_ATTEMPTS = 10;
/** unique_violation: another process stored the same (conversation, seq) first. */
const UNIQUE_VIOLATION = '23505';

/** Rows per multi-row INSERT (4 parameters each, far below SQLite's variable limit). */
const MAX_BATCH = 250;
/**
 * Conversations per group-committed shared append: their notification lines (~40 bytes each) stay
 * far below PostgreSQL's 8000-byte payload limit.
 */
const MAX_SHARED_BATCH = 64;

/** An activity of a shared append, as composed for its seq. */
export interface SharedEntry {
  seq: number;
  type: string;
  json: string;
}

interface QueuedSharedAppend {
  conversationId: string;
  lastKnown: number;
  compose: (lastSeq: number) => SharedEntry[];
  resolve: (entries: SharedEntry[]) => void;
  reject: (err: unknown) => void;
}

/**
 * Persistence of Direct Line conversations and their activity streams.
 *
 * Appends use group commit: while one INSERT is in flight, later appends queue up and go out
 * together in the next statement. An idle server writes each activity at once; a busy one
 * writes many per round trip (SQLite: append, appendAtomically; PostgreSQL: appendNext).
 */
export class DirectLineStore {
  private readonly queue: PendingAppend[] = [];
  private flushing = false;
  private readonly sharedQueue: QueuedSharedAppend[] = [];
  private sharedFlushing = false;

  /**
   * True on PostgreSQL, where other bot processes may append to the same conversations: appends
   * then go through appendNext (seqs checked by the database's key) and notify the other processes.
   */
  readonly shared: boolean;
  /** Names this process in its notifications, so it can tell its own appends from other processes'. */
  readonly origin = randomBytes(6).toString('base64url');

  constructor(private readonly db: Database) {
    this.shared = db.engine === 'postgres';
  }

  /** The persisted token signing key, created once on first use. */
  async signingKey(): Promise<string> {
    await this.db.run('INSERT INTO directline_settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING', ['token_key', generateSigningKey()]);
    const row = await this.db.get<{ value: string }>('SELECT value FROM directline_settings WHERE name = ?', ['token_key']);
    if (!row) throw new Error('Direct Line signing key could not be stored');
    return row.value;
  }

  /** Creates the conversation; resolves false when it already exists. */
  async createConversation(record: ConversationRecord): Promise<boolean> {
    const result = await this.db.run(
      'INSERT INTO directline_conversations (conversation_id, user_id, user_name, locale) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [record.conversationId, record.userId ?? null, record.userName ?? null, record.locale ?? null],
    );
    return result.changes === 1;
  }

  async getConversation(conversationId: string): Promise<ConversationRecord | undefined> {
    const row = await this.db.get<{ conversation_id: string; user_id: string | null; user_name: string | null; locale: string | null }>(
      'SELECT conversation_id, user_id, user_name, locale FROM directline_conversations WHERE conversation_id = ?',
      [conversationId],
    );
    if (!row) return undefined;
    return {
      conversationId: row.conversation_id,
      userId: row.user_id ?? undefined,
      userName: row.user_name ?? undefined,
      locale: row.locale ?? undefined,
    };
  }

  async setUser(conversationId: string, userId: string, userName?: string): Promise<void> {
    await this.db.run('UPDATE directline_conversations SET user_id = ?, user_name = ? WHERE conversation_id = ?', [
      userId,
      userName ?? null,
      conversationId,
    ]);
  }

  /** The newest `limit` activities, oldest first. */
  async tail(conversationId: string, limit: number): Promise<StoredActivity[]> {
    const rows = await this.db.all<ActivityRow>(
      'SELECT seq, type, activity FROM directline_activities WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?',
      [conversationId, limit],
    );
    return rows.reverse().map(toStored);
  }

  /** Activities after `afterSeq`, oldest first, at most `limit`. */
  async after(conversationId: string, afterSeq: number, limit: number): Promise<StoredActivity[]> {
    const rows = await this.db.all<ActivityRow>(
      'SELECT seq, type, activity FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      [conversationId, afterSeq, limit],
    );
    return rows.map(toStored);
  }

  /** Persists one activity (as its JSON text); resolves once it is in the database. Call in seq order. */
  append(conversationId: string, seq: number, type: string, json: string): Promise<void> {
    const params = [conversationId, seq, type, json];
    return new Promise((resolve, reject) => {
      this.queue.push({ params, rows: 1, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /**
   * Persists activities together with `inTransaction` (one transaction: all or nothing), in the
   * same order as other appends. The delivery pipeline marks a message sent this way.
   */
  appendAtomically(
    conversationId: string,
    entries: Array<{ seq: number; type: string; json: string }>,
    inTransaction: (tx: Queryable) => Promise<void>,
  ): Promise<void> {
    const params = entries.flatMap((e) => [conversationId, e.seq, e.type, e.json]);
    return new Promise((resolve, reject) => {
      this.queue.push({ params, rows: entries.length, inTransaction, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /**
   * Shared database: stores the activities `compose` makes for the seqs after `lastKnown` (the
   * conversation's last seq as this process knows it) and notifies every process on commit
   * (ACTIVITY_CHANNEL, see notificationPayload). At READ COMMITTED: the primary key (conversation,
   * seq) is the only arbiter needed. When another process stored one of those seqs first, the
   * insert fails on the key (a concurrent insert of the same key waits for the other's commit,
   * then fails), the last seq is read back and `compose` runs again after it. A process only
   * composes after a seq it has seen committed, so seqs become visible in order and without gaps.
   * Call one at a time per conversation. Resolves with the entries stored.
   *
   * Without `inTransaction` appends are group-committed: while one statement is in flight, the
   * appends that arrive (other conversations') wait and go out together in the next one, a
   * multi-row insert with one notification, in autocommit.
   */
  appendNext(
    conversationId: string,
    lastKnown: number,
    compose: (lastSeq: number) => SharedEntry[],
    inTransaction?: (tx: Queryable) => Promise<void>,
  ): Promise<SharedEntry[]> {
    if (inTransaction) return this.appendAlone(conversationId, lastKnown, compose, inTransaction);
    return new Promise((resolve, reject) => {
      this.sharedQueue.push({ conversationId, lastKnown, compose, resolve, reject });
      if (!this.sharedFlushing) void this.flushShared();
    });
  }

  private async flushShared(): Promise<void> {
    this.sharedFlushing = true;
    try {
      while (this.sharedQueue.length > 0) {
        const batch = this.sharedQueue.splice(0, MAX_SHARED_BATCH);
        if (batch.length === 1) {
          await this.settle(batch[0]);
          continue;
        }
        const composed = batch.map((item) => ({ item, entries: item.compose(item.lastKnown) }));
        try {
          await this.db.get(...insertAndNotify(this.origin, composed.map(({ item, entries }) => ({ conversationId: item.conversationId, entries }))));
          for (const { item, entries } of composed) item.resolve(entries);
        } catch (err) {
          if ((err as { code?: string }).code) {
            // The server refused the statement (nothing stored): a lost seq or a bad row must not
            // fail the neighbours, so each goes again on its own.
            for (const item of batch) await this.settle(item);
          } else {
            // No answer (a broken connection): the commit may have happened, so a retry could store twice.
            for (const item of batch) item.reject(err);
          }
        }
      }
    } finally {
      this.sharedFlushing = false;
    }
  }

  private async settle(item: QueuedSharedAppend): Promise<void> {
    try {
      item.resolve(await this.appendAlone(item.conversationId, item.lastKnown, item.compose));
    } catch (err) {
      item.reject(err);
    }
  }

  /** One conversation's append: one statement in autocommit, or with `inTransaction` one READ COMMITTED transaction. */
  private async appendAlone(
    conversationId: string,
    lastKnown: number,
    compose: (lastSeq: number) => SharedEntry[],
    inTransaction?: (tx: Queryable) => Promise<void>,
  ): Promise<SharedEntry[]> {
    let last = lastKnown;
    for (let attempt = 1; ; attempt++) {
      try {
        if (!inTransaction) {
          const entries = compose(last);
          await this.db.get(...insertAndNotify(this.origin, [{ conversationId, entries }]));
          return entries;
        }
        let entries: SharedEntry[] = [];
        let rerun = false;
        await this.db.transaction(
          async (tx) => {
            // Run again after a lost key (the engine retries that once): read the last seq first.
            if (rerun) last = await lastSeqOn(tx, conversationId);
            rerun = true;
            entries = compose(last);
            await tx.get(...insertAndNotify(this.origin, [{ conversationId, entries }]));
            await inTransaction(tx);
          },
          { isolation: 'read committed' },
        );
        return entries;
      } catch (err) {
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= SHARED_APPEND_ATTEMPTS) throw err;
        last = await lastSeqOn(this.db, conversationId);
      }
    }
  }

  /**
   * Shared database: tells every process that these conversations' stored history was rewritten
   * (a redaction) or cut (retention; `*` = every conversation), so their caches read it again.
   */
  async announceRewrite(conversationIds: string[]): Promise<void> {
    if (!this.shared) return;
    for (let i = 0; i < conversationIds.length; i += REWRITE_LINES) {
      const lines = conversationIds.slice(i, i + REWRITE_LINES).map((id) => `${id} ${REWRITTEN} ${this.origin}`);
      await this.db.get('SELECT pg_notify(?, ?) AS notified', [ACTIVITY_CHANNEL, lines.join('\n')]);
    }
  }

  /** The conversation's last stored seq (0 when it has none). */
  lastSeq(conversationId: string): Promise<number> {
    return lastSeqOn(this.db, conversationId);
  }

  /** Resolves when every queued append has been written (or failed). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0 || this.sharedFlushing || this.sharedQueue.length > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        let rows = 0;
        let take = 0;
        while (take < this.queue.length && (take === 0 || rows + this.queue[take].rows <= MAX_BATCH)) rows += this.queue[take++].rows;
        const batch = this.queue.splice(0, take);
        try {
          await this.insert(batch);
          for (const item of batch) item.resolve();
        } catch {
          // One bad row must not fail its neighbours: write them one by one to find it.
          for (const item of batch) {
            try {
              await this.insert([item]);
              item.resolve();
            } catch (err) {
              item.reject(err);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private insert(batch: PendingAppend[]): Promise<unknown> {
    const rows = batch.reduce((n, item) => n + item.rows, 0);
    const sql = `INSERT INTO directline_activities (conversation_id, seq, type, activity) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')}`;
    const params = batch.flatMap((item) => item.params);
    if (!batch.some((item) => item.inTransaction)) return this.db.run(sql, params);
    return this.db.transaction(async (tx) => {
      await tx.run(sql, params);
      for (const item of batch) await item.inTransaction?.(tx);
    });
  }
}

async function lastSeqOn(q: Queryable, conversationId: string): Promise<number> {
  const row = await q.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM directline_activities WHERE conversation_id = ?', [conversationId]);
  return Number(row?.seq ?? 0);
}

/**
 * PostgreSQL: the activities of one or more conversations inserted and one notification, in one
 * statement (the insert is a data-modifying CTE, which runs whether or not the SELECT reads it; a
 * failed insert fails the statement, so nothing is notified). The notification is sent when the
 * statement's transaction commits.
 */
function insertAndNotify(origin: string, appends: Array<{ conversationId: string; entries: SharedEntry[] }>): [string, unknown[]] {
  const rows = appends.reduce((n, a) => n + a.entries.length, 0);
  const params = appends.flatMap(({ conversationId, entries }) => entries.flatMap((e) => [conversationId, e.seq, e.type, e.json]));
  const payload = appends.map(({ conversationId, entries }) => notificationPayload(conversationId, entries[entries.length - 1].seq, origin)).join('\n');
  params.push(ACTIVITY_CHANNEL, payload);
  const sql =
    `WITH stored AS (INSERT INTO directline_activities (conversation_id, seq, type, activity) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')} RETURNING seq) ` +
    'SELECT pg_notify(?, ?) AS notified';
  return [sql, params];
}

/**
 * One line of an append's notification: the conversation, its last seq now stored and the origin
 * (the appending process). A listener that has handed out that seq skips the read; one that sees
 * another origin knows the conversation has other writers.
 */
export function notificationPayload(conversationId: string, lastSeq: number, origin: string): string {
  return `${conversationId} ${lastSeq} ${origin}`;
}

/** In place of the seq: the line announces a rewrite (see announceRewrite). */
const REWRITTEN = '~';
/** Lines per rewrite notice, well below the 8000-byte payload limit. */
const REWRITE_LINES = 100;

export interface AppendNotice {
  /** `*` in a rewrite notice: every conversation */
  conversationId: string;
  /** absent in a payload of an id alone (then read all the same) */
  lastSeq?: number;
  origin?: string;
  /** the stored history was rewritten or cut (redaction, retention), not appended to: caches drop their copies */
  rewritten?: boolean;
}

/** The appends a notification's payload announces, one line per conversation. */
export function parseNotification(payload: string): AppendNotice[] {
  return payload
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [conversationId, seq, origin] = line.split(' ');
      if (seq === REWRITTEN) return { conversationId, origin, rewritten: true };
      const lastSeq = Number(seq);
      return Number.isInteger(lastSeq) && lastSeq > 0 ? { conversationId, lastSeq, origin } : { conversationId };
    });
}

interface ActivityRow {
  seq: number;
  type: string;
  activity: string;
}

function toStored(row: ActivityRow): StoredActivity {
  return { seq: row.seq, type: row.type, json: row.activity };
}
