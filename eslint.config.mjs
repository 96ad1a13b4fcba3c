// @ts-check
/**
 * Lint for the whole repository, run by `npm test` with zero warnings allowed (`npm run lint`).
 * typescript-eslint's recommended rules everywhere; angular-eslint's for the two Angular apps
 * (their TypeScript, inline templates and .html templates); type-aware promise rules on the server.
 * Formatting is Prettier's job, not ESLint's.
 */
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';
import globals from 'globals';

const ANGULAR = ['apps/portal/src/**/*.ts', 'apps/admin/src/**/*.ts', 'libs/web/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.angular/**',
      'coverage/**',
      'var/**',
      'bench/out/**',
      'test-results/**',
      '**/*.d.ts',
      'libs/web/api/generated/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Input is cleaned of control characters on purpose (input guard, CSV cells, zip names, SQL dumps).
      'no-control-regex': 'off',
    },
  },
  {
    // The server's code, type-aware: a promise nobody awaits loses its error (and, in a request, its order).
    files: ['libs/*/src/**/*.ts', 'apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/web/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Test clients read JSON whose shape each test asserts; `any` there is the point, not an escape.
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*.test.ts', 'apps/e2e/**/*.ts', 'libs/testing/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [eslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ANGULAR,
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
  },
  {
    files: ['apps/portal/src/**/*.html', 'apps/admin/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
);
