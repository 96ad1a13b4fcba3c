/**
 * Import boundaries between the libs and apps (the README's "Architecture"), checked by `npm test`.
 *   platform <- identity <- the domain libs; notifications uses only platform and contracts;
 *   a lib is reached only through its index.ts; libs never import apps; contracts import nothing;
 *   the Angular apps use only libs/web and contracts, and libs/web only contracts; documents is
 *   below verification, downloads, sharing and commerce, which never use each other; schema (every
 *   lib's migrations) is above them all, for what migrates: the api, the worker, tests, benchmarks; no orphans.
 */
const LIBS = [
  'platform',
  'identity',
  'notifications',
  'documents',
  'downloads',
  'commerce',
  'sharing',
  'verification',
  'schema',
  'contracts',
  'testing',
  'web',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two modules that need each other mean the design is wrong: move the shared part down.',
      from: { path: '^(libs|apps)/' },
      to: { circular: true },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      comment: "A lib's integration tests may start the api as a whole (createApiApp); its code may not.",
      from: { path: '^libs/', pathNot: '^libs/[^/]+/test/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-import-nothing',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(libs|apps)/', pathNot: '^libs/contracts/' },
    },
    {
      name: 'platform-is-the-bottom',
      severity: 'error',
      from: { path: '^libs/platform/src/' },
      to: { path: '^libs/', pathNot: '^libs/(platform|contracts)/' },
    },
    {
      name: 'notifications-uses-only-platform',
      severity: 'error',
      from: { path: '^libs/notifications/src/' },
      to: { path: '^libs/', pathNot: '^libs/(notifications|platform|contracts)/' },
    },
    {
      name: 'identity-does-not-use-domain-libs',
      severity: 'error',
      from: { path: '^libs/identity/src/' },
      to: { path: '^libs/', pathNot: '^libs/(identity|platform|contracts|notifications)/' },
    },
    {
      name: 'verification-uses-only',
      severity: 'error',
      comment: 'Smart Verify reads documents through their public index (VerifiableDocuments), never their entities or folders.',
      from: { path: '^libs/verification/src/' },
      to: { path: '^libs/', pathNot: '^libs/(verification|platform|contracts|notifications|identity)/|^libs/documents/src/index\\.ts$' },
    },
    {
      name: 'only-through-index',
      severity: 'error',
      comment: 'Another lib is reached only through its index.ts (its public surface), never its folders.',
      from: { path: '^(libs|apps)/([^/]+)/' },
      to: {
        path: `^libs/(${LIBS.join('|')})/src/(?!index\\.ts$)|^libs/web/(material|api)/(?!index\\.ts$)`,
        pathNot: '^libs/$2/',
      },
    },
    {
      name: 'documents-below-the-other-domain-libs',
      severity: 'error',
      comment: 'documents is read by verification, downloads, sharing and commerce (through its index), never the other way.',
      from: { path: '^libs/documents/src/' },
      to: { path: '^libs/(verification|downloads|sharing|commerce)/' },
    },
    {
      name: 'domain-libs-side-by-side',
      severity: 'error',
      comment: 'verification, downloads, sharing and commerce stand side by side on documents and identity: none uses another.',
      from: { path: '^libs/(verification|downloads|sharing|commerce)/src/' },
      to: { path: '^libs/(verification|downloads|sharing|commerce)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports is dead code (entry points, tests, configs and type declarations aside).',
      from: {
        orphan: true,
        pathNot: [
          '(^|/)(main|cli|index|bootstrap)\\.ts$',
          '\\.(spec|test|e2e)\\.ts$',
          '\\.d\\.ts$',
          '(^|/)test/',
          '^apps/e2e/',
          '^bench/',
          '\\.config\\.(js|ts)$',
          '^libs/testing/',
        ],
      },
      to: {},
    },
    {
      name: 'schema-only-for-what-migrates',
      severity: 'error',
      comment: "@achievement/schema gathers every lib's migrations; a lib that used it would depend on all the others.",
      from: { path: '^libs/', pathNot: '^libs/(schema|testing)/|^libs/[^/]+/test/' },
      to: { path: '^libs/schema/' },
    },
    {
      name: 'testing-only-in-tests',
      severity: 'error',
      from: { path: '^(libs|apps)/', pathNot: '(\\.spec\\.ts$|\\.test\\.ts$|\\.e2e\\.ts$|/test/|^libs/testing/|^apps/e2e/)' },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'angular-apps-stay-apart',
      severity: 'error',
      comment: 'The two Angular apps share code only through libs/web and libs/contracts, never each other.',
      from: { path: '^apps/(portal|admin)/' },
      to: { path: '^(apps/(?!$1/)|libs/(?!(contracts|web)/))' },
    },
    {
      name: 'web-uses-only-contracts',
      severity: 'error',
      comment: 'libs/web is Angular code for both apps: it may use contracts and nothing else of ours.',
      from: { path: '^libs/web/' },
      to: { path: '^(apps|libs)/', pathNot: '^libs/(web|contracts)/' },
    },
    {
      name: 'shared-web-has-no-material',
      severity: 'error',
      comment: "@achievement/web is one bundle both apps load at run time; Material is each app's own, so Material-based parts go in libs/web/material.",
      from: { path: '^libs/web/src/' },
      to: { path: '(^|/)@angular/material(/|$)|^libs/web/material/' },
    },
    {
      name: 'shared-web-has-no-client',
      severity: 'error',
      comment: 'The generated API client (libs/web/api) is tree-shaken into each app; in the shared bundle every operation would load with the sign-in page.',
      from: { path: '^libs/web/src/' },
      to: { path: '^libs/web/api/' },
    },
    {
      name: 'server-does-not-use-web',
      severity: 'error',
      from: { path: '^(libs/(?!web/)|apps/(api|worker)/)' },
      to: { path: '^libs/web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|node_modules)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
