import { ConfigError, loadConfig } from '../../src/config';

test('DATABASE_URL: empty means SQLite at DB_PATH; a postgres URL is kept; anything else is refused by name', () => {
  expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  expect(loadConfig({ DATABASE_URL: 'postgres://bot:pw@db:5432/huibot' }).DATABASE_URL).toBe('postgres://bot:pw@db:5432/huibot');
  expect(() => loadConfig({ DATABASE_URL: 'mysql://db/huibot' })).toThrow(ConfigError);
  expect(() => loadConfig({ DATABASE_URL: 'mysql://db/huibot' })).toThrow(/DATABASE_URL/);
});

test('DATABASE_POOL_SIZE defaults to 10 and needs at least 2 (a held lock takes one connection)', () => {
  expect(loadConfig({}).DATABASE_POOL_SIZE).toBe(10);
  expect(loadConfig({ DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
  expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
});
