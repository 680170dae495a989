import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Database } from './database';

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/**
 * Applies every `NNN_name.sql` file in `migrations/` not yet recorded in `schema_migrations`,
 * in name order, each in its own transaction. Features add their own numbered file.
 */
export async function migrate(db: Database, logger?: Logger, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version TEXT PRIMARY KEY,
       applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
     )`,
  );
  const done = new Set((await db.all<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    if (done.has(version)) continue;
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.run('INSERT INTO schema_migrations (version) VALUES (?)', [version]);
    });
    logger?.info({ version }, 'migration applied');
    applied.push(version);
  }
  return applied;
}
