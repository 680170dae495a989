import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Database, Queryable } from './database';

interface CachedDoc {
  json: string;
  etag: string;
}

/**
 * A write whose eTag no longer matches the stored document: another turn (on this or another
 * instance) saved it since it was read. Nothing of the write was stored.
 */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StateConflictError';
  }
}

/**
 * Bot Framework `Storage` on the database (SQLite or PostgreSQL), with the same contract as botbuilder's MemoryStorage:
 * unknown keys are absent from a read, a write with a stale eTag is rejected, `'*'` or no eTag
 * overwrites, whole documents replace, deleting an unknown key does nothing.
 *
 * On SQLite (one bot process per file) recently used documents, and keys known to have none, are
 * also kept in a bounded write-through cache: every turn reads and writes its state, and reads of
 * hot keys skip the database.
 *
 * On PostgreSQL several instances may share the database, so there is no cache (it would serve a
 * document another instance has changed since), and a turn's write is checked against what that
 * turn read: botbuilder's BotState always saves with eTag '*' (last writer wins), which would let
 * two turns of one conversation racing on two instances silently drop one's changes. Items this
 * storage hands out remember the eTag they were read with; writing such an item back, with '*' or
 * without an eTag, updates only while the stored eTag is still that one, and fails with
 * StateConflictError otherwise. A document that did not exist yet when the turn read it is created
 * unguarded (there is no item to remember an eTag on).
 */
export class SqlStorage implements Storage {
  /** Documents by key, least recently used first; `null`: known to be absent. */
  private readonly cache = new Map<string, CachedDoc | null>();
  /** The text each handed-out item was read with (see documentText). */
  private readonly texts = new WeakMap<object, string>();
  /** PostgreSQL: the eTag each handed-out item was read (or last written) with. */
  private readonly readETags = new WeakMap<object, string>();
  private readonly shared: boolean;
  private readonly cacheSize: number;

  constructor(
    private readonly db: Database,
    cacheSize = 5000,
  ) {
    this.shared = db.engine === 'postgres';
    this.cacheSize = this.shared ? 0 : cacheSize;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    const missing = keys.filter((key) => {
      const hit = this.cache.get(key);
      if (hit) items[key] = this.item(hit.json, hit.etag);
      return hit === undefined;
    });
    if (missing.length === 0) return items;
    const rows = await this.db.all<{ key: string; doc: string; etag: string }>(
      `SELECT key, doc, etag FROM bot_state WHERE key IN (${missing.map(() => '?').join(',')})`,
      missing,
    );
    for (const row of rows) {
      const item = this.item(row.doc, row.etag);
      items[row.key] = item;
      if (this.shared) this.readETags.set(item, row.etag);
      this.remember(row.key, { json: row.doc, etag: row.etag });
    }
    // Absent keys are remembered too: a user or conversation whose state is never written (most
    // users' state, a conversation of unanswerable messages) would be looked up on every turn.
    for (const key of missing) if (!(key in items)) this.remember(key, null);
    return items;
  }

  /**
   * Brings the documents of `keys` that are not cached into the cache with one statement (those
   * found and those absent), so the reads that follow, one key at a time, are answered from memory.
   * Without a cache (PostgreSQL) it does nothing.
   */
  async prefetch(keys: string[]): Promise<void> {
    if (this.cacheSize === 0) return;
    const missing = keys.filter((key) => !this.cache.has(key));
    if (missing.length === 0) return;
    const rows = await this.db.all<{ key: string; doc: string; etag: string }>(
      `SELECT key, doc, etag FROM bot_state WHERE key IN (${missing.map(() => '?').join(',')})`,
      missing,
    );
    const found = new Map(rows.map((row) => [row.key, row]));
    for (const key of missing) {
      // A write that landed meanwhile is newer than what this read saw: keep it.
      if (this.cache.has(key)) continue;
      const row = found.get(key);
      this.remember(key, row ? { json: row.doc, etag: row.etag } : null);
    }
  }

  /** A stored document as an item: its JSON parsed, with the eTag (no copy: the parse is fresh). */
  private item(json: string, etag: string): Record<string, unknown> {
    const item = JSON.parse(json) as Record<string, unknown>;
    item.eTag = etag;
    this.texts.set(item, json);
    return item;
  }

  /**
   * The text `item` (handed out by read) was stored as: JSON.stringify of the document without
   * its eTag, as write makes it. What BotState compares with to find out whether the turn changed it.
   */
  documentText(item: object): string | undefined {
    return this.texts.get(item);
  }

  /**
   * write({ [key]: item }) when the caller has the item's JSON text (without the eTag) already:
   * the same statement, checks and caching, without serialising the item again.
   */
  writeDocument(key: string, item: Record<string, unknown>, text: string): Promise<void> {
    return this.writeItems({ [key]: item }, text);
  }

  /**
   * Several writeDocument calls as one: on SQLite one statement for all (atomic, as a transaction
   * would be, without BEGIN and COMMIT around it); on PostgreSQL one checked write after the other.
   */
  async writeDocuments(documents: Array<{ key: string; item: Record<string, unknown>; text: string }>): Promise<void> {
    if (documents.length === 1) return this.writeDocument(documents[0].key, documents[0].item, documents[0].text);
    const keys = documents.map((d) => d.key);
    if (this.shared || new Set(keys).size !== keys.length) {
      // PostgreSQL: each document checked against its own eTag, one after the other, as before.
      for (const d of documents) await this.writeDocument(d.key, d.item, d.text);
      return;
    }
    const now = new Date().toISOString();
    const entries = documents.map((d) => ({ key: d.key, entry: { json: d.text, etag: randomUUID() } satisfies CachedDoc }));
    try {
      await this.db.run(
        `INSERT INTO bot_state (key, doc, etag, updated_at) VALUES ${entries.map(() => '(?, ?, ?, ?)').join(', ')}
         ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = excluded.updated_at`,
        entries.flatMap(({ key, entry }) => [key, entry.json, entry.etag, now]),
      );
    } catch (err) {
      for (const key of keys) this.cache.delete(key);
      throw err;
    }
    for (const { key, entry } of entries) this.remember(key, entry);
  }

  write(changes: StoreItems): Promise<void> {
    return this.writeItems(changes);
  }

  /** `text`: the JSON text of the only item, when the caller has it. */
  private async writeItems(changes: StoreItems, text?: string): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const written: Array<[string, CachedDoc]> = [];
    const writeAll = async (db: Queryable) => {
      written.length = 0; // a transaction retried on PostgreSQL starts over
      for (const key of keys) written.push([key, await this.writeOne(db, key, changes[key], keys.length === 1 ? text : undefined)]);
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
    for (const [key, entry] of written) {
      this.remember(key, entry);
      // The item now holds what was written: its next write is checked against this eTag.
      const item = changes[key];
      if (this.shared && item && typeof item === 'object') this.readETags.set(item, entry.etag);
    }
  }

  /**
   * Upserts one document. With a concrete eTag the update only applies while the stored eTag
   * still matches (checked by the same statement, so no other write can slip in between).
   */
  private async writeOne(db: Queryable, key: string, change: unknown, text?: string): Promise<CachedDoc> {
    const given = (change as { eTag?: string } | undefined)?.eTag;
    const entry: CachedDoc = { json: text ?? documentJson(change), etag: randomUUID() };
    const remembered = this.shared && change && typeof change === 'object' ? this.readETags.get(change) : undefined;
    const eTag = given && given !== '*' ? given : remembered;
    const guarded = Boolean(eTag);
    const result = await db.run(
      `INSERT INTO bot_state (key, doc, etag, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = excluded.updated_at
       ${guarded ? 'WHERE bot_state.etag = ?' : ''}`,
      guarded ? [key, entry.json, entry.etag, new Date().toISOString(), eTag] : [key, entry.json, entry.etag, new Date().toISOString()],
    );
    if (result.changes === 0) throw new StateConflictError(key);
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

  /** `null`: the key is known to have no document. */
  private remember(key: string, entry: CachedDoc | null): void {
    if (this.cacheSize === 0) return;
    this.cache.delete(key); // re-insert: Map order is the recency order
    this.cache.set(key, entry);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/** A document's stored text: its JSON without the eTag. */
function documentJson(change: unknown): string {
  const { eTag: _eTag, ...doc } = (change ?? {}) as { eTag?: string; [k: string]: unknown };
  return JSON.stringify(doc);
}

/** The name it had while SQLite was the only engine. */
export { SqlStorage as SqliteStorage };
