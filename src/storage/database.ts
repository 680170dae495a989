import type { Logger } from 'pino';
import { PostgresDatabase } from './postgresDatabase';
import { SqliteDatabase } from './sqliteDatabase';
import type { Database as DatabaseApi } from './sql';

export type { Engine, Queryable, RunResult, SqlParams, Transaction } from './sql';
export type Database = DatabaseApi;

/** Where the data lives: DATABASE_URL (postgres://…) when set, else the SQLite file DB_PATH. */
export interface DatabaseSettings {
  DB_PATH: string;
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE?: number;
  DATABASE_PREPARED_STATEMENTS?: boolean;
}

/** Opens the database the settings name: PostgreSQL when DATABASE_URL is set, else SQLite. */
export function openDatabase(settings: DatabaseSettings, logger?: Logger): Promise<Database> {
  if (settings.DATABASE_URL) return PostgresDatabase.open(settings.DATABASE_URL, { poolSize: settings.DATABASE_POOL_SIZE, preparedStatements: settings.DATABASE_PREPARED_STATEMENTS, logger });
  return SqliteDatabase.open(settings.DB_PATH, logger);
}

/** `Database.open(file)`: a SQLite file (or ':memory:'), for tools and tests that name a file. */
export const Database = {
  open(file: string, logger?: Logger): Promise<Database> {
    return SqliteDatabase.open(file, logger);
  },
};
