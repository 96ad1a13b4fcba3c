import { initFederation } from '@angular-architects/native-federation';

// Reads the remotes (name -> remoteEntry.json URL) from the manifest the portal ships in public/,
// registers them in an import map, then starts the app. A remote that cannot be reached here
// only logs an error: its routes show the "could not be loaded" page when visited.
initFederation('/federation.manifest.json')
  .catch((error: unknown) => console.error('Native Federation could not start', error))
  .then(() => import('./bootstrap'))
  .catch((error: unknown) => console.error('The portal could not start', error));
