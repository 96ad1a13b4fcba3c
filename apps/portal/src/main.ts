import { initFederation } from '@angular-architects/native-federation';

// Registers the portal's own shared packages, then starts the app. The remotes are not fetched
// here: the admin remote's remoteEntry.json is fetched the first time an /admin page is opened
// (see app/admin-remote/admin-remote.routes.ts), so the public pages and the other roles never
// load it.
initFederation({})
  .catch((error: unknown) => console.error('Native Federation could not start', error))
  .then(() => import('./bootstrap'))
  .catch((error: unknown) => console.error('The portal could not start', error));
