/** Browser tests: the built portal served by the built api, driven in Debian's Chromium by playwright-core. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.json');
const { transformIgnorePatterns } = require('../../jest.esm-only');

module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/apps/e2e'],
  testMatch: ['**/tests/**/*.e2e.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] },
  transformIgnorePatterns,
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 120000,
};
