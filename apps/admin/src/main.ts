import { initFederation } from '@angular-architects/native-federation';

// Run alone (ng serve admin), the remote starts like a shell without remotes: its own
// remoteEntry.json tells the runtime where its shared packages are.
initFederation()
  .catch((error: unknown) => console.error('Native Federation could not start', error))
  .then(() => import('./bootstrap'))
  .catch((error: unknown) => console.error('The administration app could not start', error));
