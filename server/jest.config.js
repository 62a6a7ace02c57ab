/** Server tests run against real Postgres and Redis; each file makes its own database and key prefix. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    // jose ships only ES modules, which jest's CommonJS runtime cannot require before Node 24.9.
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@muse|jose)/)'],
  testTimeout: 60000,
  // Three files at a time on two cores: the suites spend much of their time waiting on Postgres,
  // Redis, child processes and timers, so two workers kept only 1.4 of the 2 cores busy
  // (the whole suite: 620 s with two, 555 s with three, the same CPU time).
  maxWorkers: 3,
  setupFiles: ['<rootDir>/src/testing/jest-setup.ts'],
  // One migrated database per run that each file's database is copied from (see migrated-template.ts).
  globalSetup: '<rootDir>/src/testing/jest-global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/jest-global-teardown.ts',
};
