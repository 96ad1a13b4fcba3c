import { inject, InjectionToken } from '@angular/core';
import { Routes } from '@angular/router';
import { loadRemoteModule } from '@angular-architects/native-federation';
import { RemoteErrorPageComponent } from './remote-error-page.component';

/** What the admin remote exposes as './routes' (apps/admin/src/app/admin.routes.ts). */
export interface AdminRemoteModule {
  routes: Routes;
}

/** Loads the admin remote's './routes' module; a token so tests can stand in for the remote. */
export const ADMIN_REMOTE_LOADER = new InjectionToken<() => Promise<AdminRemoteModule>>('ADMIN_REMOTE_LOADER', {
  providedIn: 'root',
  factory: () => () => loadRemoteModule<AdminRemoteModule>('admin', './routes'),
});

/** Shown for every /admin/… address when the remote could not be loaded. */
export const REMOTE_ERROR_ROUTES: Routes = [
  { path: '**', title: 'Administration unavailable', component: RemoteErrorPageComponent },
];

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
