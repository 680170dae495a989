import { stopPostgres } from './postgresServer';

export default async function teardown(): Promise<void> {
  if (globalThis.huibotPostgres) stopPostgres(globalThis.huibotPostgres);
}
