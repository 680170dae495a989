/**
 * setupFilesAfterEnv of the PostgreSQL run: every database a suite opens as a SQLite file (or
 * ':memory:') is opened on the run's PostgreSQL server instead, so the same suites test both engines.
 */
jest.mock('../../src/storage/sqliteDatabase', () => {
  const actual = jest.requireActual('../../src/storage/sqliteDatabase');
  const { openTestPostgres } = jest.requireActual('./postgresDatabases');
  return { ...actual, SqliteDatabase: { open: openTestPostgres } };
});

// Suites that check which engine they ran on read this (scoped to the test file, not the worker).
process.env.HUIBOT_TEST_ENGINE = 'postgres';
