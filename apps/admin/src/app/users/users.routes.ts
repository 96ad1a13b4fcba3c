import { Routes } from '@angular/router';

/** The accounts (administrators), under /admin/users. */
export const USER_ROUTES: Routes = [
  {
    path: '',
    title: 'Accounts',
    loadComponent: () => import('./users-page.component').then((m) => m.UsersPageComponent),
  },
];
