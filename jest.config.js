/** Server-side tests: unit specs beside the code and integration tests in each lib's test/ folder. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

// Packages published only as ES modules. Node 20.19+ loads them with require(); jest's module
// system does not, so they are transpiled to CommonJS like our own code.
const ESM_ONLY = ['content-disposition', 'otplib', '@otplib', '@scure/base', '@noble/hashes', '@simplewebauthn/server', '@levischuck/tiny-cbor', '@hexagon/base64', '@peculiar/[^/]+'];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/apps/worker'],
  testMatch: ['**/*.spec.ts', '**/test/**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 60000,
  maxWorkers: 2,
};
