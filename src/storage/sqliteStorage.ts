import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Database } from './database';

/**
 * Bot Framework `Storage` on SQLite, with the same contract as botbuilder's MemoryStorage:
 * unknown keys are absent from a read, a write with a stale eTag is rejected, `'*'` or no eTag
 * overwrites, whole documents replace, deleting an unknown key does nothing.
 */
export class SqliteStorage implements Storage {
  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const placeholders = keys.map(() => '?').join(',');
    const rows = await this.db.all<{ key: string; doc: string; etag: string }>(
      `SELECT key, doc, etag FROM bot_state WHERE key IN (${placeholders})`,
      keys,
    );
    for (const row of rows) items[row.key] = { ...JSON.parse(row.doc), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const key of keys) {
        const { eTag, ...doc } = (changes[key] ?? {}) as { eTag?: string; [k: string]: unknown };
        if (eTag && eTag !== '*') {
          const current = await tx.get<{ etag: string }>('SELECT etag FROM bot_state WHERE key = ?', [key]);
          if (current && current.etag !== eTag) {
            throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
          }
        }
        await tx.run(
          `INSERT INTO bot_state (key, doc, etag) VALUES (?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
          [key, JSON.stringify(doc), randomUUID()],
        );
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`, keys);
  }
}
