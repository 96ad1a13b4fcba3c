/** Server-side tests: unit specs beside the code and integration tests in each lib's test/ folder. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const { transformIgnorePatterns } = require('./jest.esm-only');

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/apps/worker'],
  testMatch: ['**/*.spec.ts', '**/test/**/*.test.ts'],
  // libs/web is Angular: its specs run with the portal's (ng test portal)
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/libs/web/'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] },
  transformIgnorePatterns,
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 60000,
  maxWorkers: 2,
};
