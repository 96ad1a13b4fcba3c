// Native Federation: the portal is the shell (a dynamic host). Its remotes are listed in
// public/federation.manifest.json, read at start by initFederation() in src/main.ts.

// Node 20 work-around: load the Angular compiler synchronously before the federation build starts.
// Otherwise the builder's async import of '@angular/compiler-cli/linker/babel' (linking shared
// packages) races @angular/build's require('@angular/compiler-cli') and the build fails with
// "Angular compilation initialization failed … reading 'getStatus'" (Node's require(esm) race).
require('@angular/compiler-cli');

const { withNativeFederation, share } = require('@angular-architects/native-federation/config');

/** Shared by the portal and the admin remote alike, so both run on one Angular (one injector tree, router and zone-less scheduler). */
const singleton = { singleton: true, strictVersion: true, requiredVersion: 'auto' };

module.exports = withNativeFederation({
  name: 'portal',

  // An explicit list (with their secondary entry points) rather than shareAll(): the root
  // package.json also lists the server's packages. Keep it the same in apps/portal and apps/admin.
  //
  // Material is not shared: Native Federation makes each shared entry point a file of its own, and
  // Material's 40 entry points and their chunks were about 60 requests before the sign-in page could
  // show on a phone on mobile data. Each app bundles the parts it uses; the admin remote provides its
  // own Material settings and icons with its routes (admin.routes.ts). The CDK stays shared: one
  // overlay container, so a dialog of the portal (Confirm it's you) over one of the admin's is on
  // top, reachable, and not hidden from screen readers by the other's modality.
  shared: share({
    '@angular/core': singleton,
    '@angular/common': singleton,
    '@angular/router': singleton,
    '@angular/forms': singleton,
    '@angular/platform-browser': singleton,
    '@angular/cdk': singleton,
    rxjs: singleton,
    tslib: singleton,
  }),

  skip: ['rxjs/ajax', 'rxjs/fetch', 'rxjs/testing', 'rxjs/webSocket'],

  // @achievement/web (libs/web: what both apps share) is one shared bundle, loaded once for both.
  // @achievement/contracts (types and a few constants) is bundled into each app (and into that one).
  sharedMappings: ['@achievement/web'],
});
