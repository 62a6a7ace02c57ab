/** Server tests run against real Postgres and Redis; each file makes its own database and key prefix. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!@muse/)'],
  testTimeout: 60000,
  maxWorkers: 2,
  setupFiles: ['<rootDir>/src/testing/jest-setup.ts'],
};
