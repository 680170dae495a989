/** Jest global setup of the PostgreSQL run: one throwaway server for every suite of the run. */
import { MISSING_POSTGRES, findPostgresBin, startPostgres, type PostgresServer } from './postgresServer';

declare global {
  // Read by the global teardown (same process).
  var huibotPostgres: PostgresServer | undefined;
}

export default async function setup(): Promise<void> {
  if (!findPostgresBin()) {
    console.error(`\n${MISSING_POSTGRES}`);
    process.exit(1);
  }
  const server = await startPostgres();
  globalThis.huibotPostgres = server;
  // Workers start after this and inherit the environment.
  process.env.HUIBOT_TEST_POSTGRES_URL = server.url;
}
