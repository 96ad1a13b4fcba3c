import { Routes } from '@angular/router';
import { loadAdminRoutes } from './admin-remote/admin-remote.routes';
import { requireAnonymous, requireRole, requireSignIn } from './session/role.guard';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Home',
    canMatch: [requireSignIn],
    loadComponent: () => import('./home/home-page.component').then((m) => m.HomePageComponent),
  },
  {
    path: 'sign-in',
    title: 'Sign in',
    canMatch: [requireAnonymous],
    loadComponent: () => import('./sign-in/sign-in-page.component').then((m) => m.SignInPageComponent),
  },
  {
    // The admin remote (apps/admin), loaded through Native Federation.
    path: 'admin',
    canMatch: [requireRole('administrator', 'support')],
    loadChildren: loadAdminRoutes,
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
  },
];
