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
 * Persistence of Direct Line conversations and their activity streams.
 *
 * In one process (SQLite) appends use group commit: while one INSERT is in flight, later appends queue up and go out
 * together in the next statement. An idle server writes each activity at once; a busy one
 * writes many per round trip through the database lock.
 */
export class DirectLineStore {
  private readonly queue: PendingAppend[] = [];
  private flushing = false;

  /**
   * True on PostgreSQL, where other bot processes may append to the same conversations: seqs are
   * then taken from the database (appendNext) and reads go to it, instead of this process's counters.
   */
  readonly shared: boolean;

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
   * Shared database: stores the activities `compose` makes for the seqs after the conversation's
   * last stored one, in one transaction with `inTransaction`, and notifies every process on commit
   * (ACTIVITY_CHANNEL). Two processes appending at once both read the same last seq; one commits,
   * the other fails on the key (or a serialization failure) and composes again after it. Seqs
   * therefore become visible in order, without gaps. `compose` may run more than once.
   */
  async appendNext(
    conversationId: string,
    compose: (lastSeq: number) => Array<{ seq: number; type: string; json: string }>,
    inTransaction?: (tx: Queryable) => Promise<void>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction(async (tx) => {
          const last = await tx.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM directline_activities WHERE conversation_id = ?', [
            conversationId,
          ]);
          const entries = compose(Number(last?.seq ?? 0));
          const sql = `INSERT INTO directline_activities (conversation_id, seq, type, activity) VALUES ${entries.map(() => '(?, ?, ?, ?)').join(', ')}`;
          await tx.run(
            sql,
            entries.flatMap((e) => [conversationId, e.seq, e.type, e.json]),
          );
          await inTransaction?.(tx);
          await tx.get('SELECT pg_notify(?, ?) AS notified', [ACTIVITY_CHANNEL, conversationId]);
        });
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= SHARED_APPEND_ATTEMPTS) throw err;
      }
    }
  }

  /** The conversation's last stored seq (0 when it has none). */
  async lastSeq(conversationId: string): Promise<number> {
    const row = await this.db.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM directline_activities WHERE conversation_id = ?', [conversationId]);
    return Number(row?.seq ?? 0);
  }

  /** Resolves when every queued append has been written (or failed). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
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

interface ActivityRow {
  seq: number;
  type: string;
  activity: string;
}

function toStored(row: ActivityRow): StoredActivity {
  return { seq: row.seq, type: row.type, json: row.activity };
}
