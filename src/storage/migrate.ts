import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Database, Engine } from './sql';

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/** Held while migrating, so instances starting together apply each migration once. */
const MIGRATION_LOCK = 'huibot:migrations';

/** `NNN_name.sql` serves every engine; `NNN_name.postgres.sql` replaces it on PostgreSQL where the DDL must differ. */
const FILE = /^(\d+_[\w-]+?)(\.postgres)?\.sql$/;

export interface Migration {
  version: string;
  file: string;
}

/** The versions in name order, each with the file this engine runs. */
export function migrationsFor(engine: Engine, dir = MIGRATIONS_DIR): Migration[] {
  const byVersion = new Map<string, { shared?: string; postgres?: string }>();
  for (const file of fs.readdirSync(dir)) {
    const match = FILE.exec(file);
    if (!match) continue;
    const entry = byVersion.get(match[1]) ?? {};
    if (match[2]) entry.postgres = file;
    else entry.shared = file;
    byVersion.set(match[1], entry);
  }
  return [...byVersion.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([version, files]) => {
      const file = engine === 'postgres' ? (files.postgres ?? files.shared) : files.shared;
      return file ? [{ version, file }] : [];
    });
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, in version order, each in its
 * own transaction, under a lock across instances. Features add their own numbered file.
 */
export async function migrate(db: Database, logger?: Logger, dir = MIGRATIONS_DIR): Promise<string[]> {
  return db.withLock(MIGRATION_LOCK, async () => {
    await db.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version    TEXT PRIMARY KEY,
         applied_at TEXT NOT NULL
       )`,
    );
    const done = new Set((await db.all<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const { version, file } of migrationsFor(db.engine, dir)) {
      if (done.has(version)) continue;
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      await db.transaction(async (tx) => {
        await tx.exec(sql);
        await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [version, new Date().toISOString()]);
      });
      logger?.info({ version, engine: db.engine }, 'migration applied');
      applied.push(version);
    }
    return applied;
  });
}
