import { Routes } from '@angular/router';

/** Centres and their contact records (administrators), under /admin/centres. */
export const CENTRE_ROUTES: Routes = [
  {
    path: '',
    title: 'Centres',
    loadComponent: () => import('./centres-page.component').then((m) => m.CentresPageComponent),
  },
  {
    path: 'new',
    title: 'New centre',
    loadComponent: () => import('./centre-page.component').then((m) => m.CentrePageComponent),
  },
  {
    path: 'import',
    title: 'Import contacts',
    loadComponent: () => import('./import-contacts-page.component').then((m) => m.ImportContactsPageComponent),
  },
  {
    path: ':id',
    title: 'Centre',
    loadComponent: () => import('./centre-page.component').then((m) => m.CentrePageComponent),
  },
];
