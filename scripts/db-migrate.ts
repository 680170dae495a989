/**
 * Applies the database migrations and nothing else (no bot, no HTTP):
 *
 *   npm run db:migrate
 *
 * Reads DATABASE_URL (PostgreSQL) or DB_PATH (SQLite) from the environment or .env like the bot.
 * Safe to run while other instances start: migrations are applied once, under a lock.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import 'dotenv/config';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/storage/database';
import { migrate } from '../src/storage/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    const where = db.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${config.DB_PATH}`;
    console.log(applied.length ? `${where}: applied ${applied.join(', ')}` : `${where}: up to date`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `db:migrate failed: ${(err as Error).message}`);
  process.exit(1);
});
