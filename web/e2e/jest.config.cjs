/** End-to-end tests: a real server build, real Postgres and Redis, headless Chromium. */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  testEnvironment: 'node',
  // Two journeys at a time (each has its own server, database and browser): on two cores the
  // suite takes about 410 s instead of 560 s. A journey then runs slower, hence the long timeout
  // (steps keep their own short waits, so a hang still fails on the step that hangs).
  testTimeout: 240_000,
  maxWorkers: 2,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
};
