/**
 * `npm test`: every suite on SQLite (jest.config.js) and the data-access suites again on PostgreSQL
 * (jest.postgres.config.js), in one run with one summary. `jest <path>` alone still runs SQLite only.
 */
const sqlite = require('./jest.config');
const postgres = require('./jest.postgres.config');

/** Options Jest takes once per run, not per project. */
const perProject = ({ reporters: _reporters, testTimeout: _testTimeout, maxWorkers: _maxWorkers, ...project }) => project;

/** @type {import('jest').Config} */
module.exports = {
  reporters: sqlite.reporters,
  testTimeout: sqlite.testTimeout,
  maxWorkers: sqlite.maxWorkers,
  projects: [
    { displayName: 'sqlite', rootDir: __dirname, ...perProject(sqlite) },
    { displayName: 'postgres', rootDir: __dirname, ...perProject(postgres) },
  ],
};
