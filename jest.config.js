// Jest runs the TypeScript sources directly through @swc/jest (no tsc step), as native ESM.
// chevrotain is pointed at its single-file bundle: the package entry pulls in hundreds of
// lodash-es modules per test file, and the bundle loads about three times faster.
export default {
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
    }],
  },
  moduleNameMapper: {
    '^chevrotain$': '<rootDir>/node_modules/chevrotain/lib/chevrotain.mjs',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
