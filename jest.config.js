/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Suites that need PostgreSQL run only in the PostgreSQL project (jest.postgres.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/storage/postgres/'],
  transform: {
    // tsconfig sets isolatedModules: type-checking is done once by `npm run typecheck`, not per test file.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/setupEnv.ts'],
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
  testTimeout: 30000,
  // Several suites start servers and Chromium; two workers match the two cores.
  maxWorkers: 2,
};
