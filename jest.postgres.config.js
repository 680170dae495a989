/**
 * The test suite again, on PostgreSQL (`npm run test:pg`): one throwaway server for the run
 * (test/helpers/postgresGlobalSetup.ts), and every database a suite opens, by file name or
 * ':memory:', is a schema of its own on it (test/helpers/usePostgres.ts). Suites under
 * test/storage/postgres need PostgreSQL and run only here.
 */
const base = require('./jest.config');

/**
 * Suites that need SQLite, each with why; everything else runs on both engines. Suites that start the
 * server as a child process (real sockets, kill -9) give it a SQLite file (`DB_PATH`): on PostgreSQL
 * they would only repeat the SQLite run, and their storage behaviour on PostgreSQL is covered by the
 * multi-instance suites under test/storage/postgres (two app instances, a child killed mid-push).
 */
const SQLITE_ONLY = [
  // kill -9 of SQLite server processes; PostgreSQL's counterpart: test/storage/postgres/deliveryCrash.multi.test.ts
  'test/delivery/crash.test.ts',
  // migrates the SQLite outbox tables of earlier versions (PostgreSQL never had them)
  'test/delivery/migration.test.ts',
  // searches the SQLite file's bytes (secure_delete, WAL) for erased values
  'test/hardening/personalData.test.ts',
  // the officials' CLI and the server run as child processes on a SQLite file
  'test/admin/cli.test.ts',
  'test/foundation/process.test.ts',
  'test/hardening/endpoints.test.ts',
  'test/hardening/fuzz.test.ts',
  'test/hardening/sockets.test.ts',
  'test/hardening/proxy.test.ts',
  'test/eval/sharedRunners.test.ts',
];

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...SQLITE_ONLY.map((f) => `<rootDir>/${f}$`)],
  globalSetup: '<rootDir>/test/helpers/postgresGlobalSetup.ts',
  globalTeardown: '<rootDir>/test/helpers/postgresGlobalTeardown.ts',
  setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), '<rootDir>/test/helpers/usePostgres.ts'],
};
