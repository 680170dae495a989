import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Database, Queryable } from './database';

interface CachedDoc {
  json: string;
  etag: string;
}

/**
 * Bot Framework `Storage` on the database (SQLite or PostgreSQL), with the same contract as botbuilder's MemoryStorage:
 * unknown keys are absent from a read, a write with a stale eTag is rejected, `'*'` or no eTag
 * overwrites, whole documents replace, deleting an unknown key does nothing.
 *
 * Every turn reads and writes its state, so recently used documents are also kept in a bounded
 * write-through cache: reads of hot keys skip the database. This assumes one bot process per
 * database, as everywhere else in huibot so far (several instances on one PostgreSQL database
 * would need the cache dropped or invalidated).
 */
export class SqlStorage implements Storage {
  private readonly cache = new Map<string, CachedDoc>();

  constructor(
    private readonly db: Database,
    private readonly cacheSize = 5000,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    const missing = keys.filter((key) => {
      const hit = this.cache.get(key);
      if (hit) items[key] = { ...JSON.parse(hit.json), eTag: hit.etag };
      return !hit;
    });
    if (missing.length === 0) return items;
    const rows = await this.db.all<{ key: string; doc: string; etag: string }>(
      `SELECT key, doc, etag FROM bot_state WHERE key IN (${missing.map(() => '?').join(',')})`,
      missing,
    );
    for (const row of rows) {
      items[row.key] = { ...JSON.parse(row.doc), eTag: row.etag };
      this.remember(row.key, { json: row.doc, etag: row.etag });
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const written: Array<[string, CachedDoc]> = [];
    const writeAll = async (db: Queryable) => {
      written.length = 0; // a transaction retried on PostgreSQL starts over
      for (const key of keys) written.push([key, await this.writeOne(db, key, changes[key])]);
    };
    try {
      // One key (the usual turn) is one atomic statement; several keys are all-or-nothing.
      if (keys.length === 1) await writeAll(this.db);
      else await this.db.transaction(writeAll);
    } catch (err) {
      // Nothing of a failed write is stored: forget the keys so the next read goes to the database.
      for (const key of keys) this.cache.delete(key);
      throw err;
    }
    for (const [key, entry] of written) this.remember(key, entry);
  }

  /**
   * Upserts one document. With a concrete eTag the update only applies while the stored eTag
   * still matches (checked by the same statement, so no other write can slip in between).
   */
  private async writeOne(db: Queryable, key: string, change: unknown): Promise<CachedDoc> {
    const { eTag, ...doc } = (change ?? {}) as { eTag?: string; [k: string]: unknown };
    const entry: CachedDoc = { json: JSON.stringify(doc), etag: randomUUID() };
    const guarded = Boolean(eTag && eTag !== '*');
    const result = await db.run(
      `INSERT INTO bot_state (key, doc, etag, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = excluded.updated_at
       ${guarded ? 'WHERE bot_state.etag = ?' : ''}`,
      guarded ? [key, entry.json, entry.etag, new Date().toISOString(), eTag] : [key, entry.json, entry.etag, new Date().toISOString()],
    );
    if (result.changes === 0) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    return entry;
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    for (const key of keys) this.cache.delete(key);
    await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`, keys);
  }

  /**
   * Deletes conversation state (dialog stacks, half-filled forms) untouched for `days`, so what a
   * user typed into an abandoned flow is not kept for ever. User state (profiles) is kept.
   */
  async purgeConversationState(days: number): Promise<number> {
    const cutoff = new Date(Date.now() - days * 86400000).toISOString();
    const stale = await this.db.all<{ key: string }>(
      `SELECT key FROM bot_state WHERE key LIKE '%/conversations/%' AND updated_at < ?`,
      [cutoff],
    );
    if (stale.length === 0) return 0;
    await this.delete(stale.map((row) => row.key));
    return stale.length;
  }

  private remember(key: string, entry: CachedDoc): void {
    this.cache.delete(key); // re-insert: Map order is the recency order
    this.cache.set(key, entry);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/** The name it had while SQLite was the only engine. */
export { SqlStorage as SqliteStorage };
