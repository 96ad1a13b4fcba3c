import { inject, InjectionToken } from '@angular/core';
import { Routes } from '@angular/router';
import { loadRemoteModule } from '@angular-architects/native-federation';
import { RemoteErrorPageComponent } from './remote-error-page.component';

/** What the admin remote exposes as './routes' (apps/admin/src/app/admin.routes.ts). */
export interface AdminRemoteModule {
  routes: Routes;
}

/** Where the remotes are (name -> remoteEntry.json): shipped in the portal's public/ (dev-public/ for ng serve). */
export const FEDERATION_MANIFEST_URL = '/federation.manifest.json';

/**
 * Loads the admin remote's './routes' module, fetching the manifest and the remote's entry only
 * now, when an /admin page is first opened; a token so tests can stand in for the remote.
 */
export const ADMIN_REMOTE_LOADER = new InjectionToken<() => Promise<AdminRemoteModule>>('ADMIN_REMOTE_LOADER', {
  providedIn: 'root',
  factory: () => loadAdminRemote,
});

async function loadAdminRemote(): Promise<AdminRemoteModule> {
  const answer = await fetch(FEDERATION_MANIFEST_URL);
  if (!answer.ok) throw new Error(`${FEDERATION_MANIFEST_URL} answered ${answer.status}`);
  const remoteEntry = ((await answer.json()) as Record<string, unknown>)['admin'];
  if (typeof remoteEntry !== 'string') throw new Error(`${FEDERATION_MANIFEST_URL} names no admin remote`);
  return loadRemoteModule<AdminRemoteModule>({ remoteName: 'admin', remoteEntry, exposedModule: './routes' });
}

/** Shown for every /admin/… address when the remote could not be loaded. */
export const REMOTE_ERROR_ROUTES: Routes = [{ path: '**', title: 'Administration unavailable', component: RemoteErrorPageComponent }];

/** loadChildren of /admin: the remote's routes, or the fallback page if the remote cannot load. */
export function loadAdminRoutes(): Promise<Routes> {
  const load = inject(ADMIN_REMOTE_LOADER);
  return load()
    .then((remote) => {
      if (!Array.isArray(remote?.routes)) {
        throw new Error("The admin remote's './routes' module has no routes export");
      }
      return remote.routes;
    })
    .catch((error: unknown) => {
      console.error('The admin remote could not be loaded', error);
      return REMOTE_ERROR_ROUTES;
    });
}
