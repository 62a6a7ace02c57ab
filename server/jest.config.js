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
  maxWorkers: 2,
  setupFiles: ['<rootDir>/src/testing/jest-setup.ts'],
};
