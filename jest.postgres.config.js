/**
 * The data-access suites again, on PostgreSQL (`npm run test:pg`): one throwaway server for the run
 * (test/helpers/postgresGlobalSetup.ts), and every database a suite opens, by file name or
 * ':memory:', is a schema of its own on it (test/helpers/usePostgres.ts). Suites under
 * test/storage/postgres need PostgreSQL and run only here.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/storage/**/*.test.ts',
    '<rootDir>/test/foundation/storage.test.ts',
    '<rootDir>/test/activities/*.test.ts',
    '<rootDir>/test/delivery/{worker,channels}.test.ts',
    '<rootDir>/test/directline/{conversations,persistence}.test.ts',
    '<rootDir>/test/admin/{api,handoff,notifications,registrations,outboxRestart,review,subscriptionDialog}.test.ts',
    '<rootDir>/test/hardening/retention.test.ts',
    '<rootDir>/test/officialAccount/{tokenCache,settings,signup}.test.ts',
    '<rootDir>/test/qa/qaDialog.test.ts',
    '<rootDir>/test/advisor/profileDialogs.test.ts',
    '<rootDir>/test/wechat/feature.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/helpers/postgresGlobalSetup.ts',
  globalTeardown: '<rootDir>/test/helpers/postgresGlobalTeardown.ts',
  setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), '<rootDir>/test/helpers/usePostgres.ts'],
};
