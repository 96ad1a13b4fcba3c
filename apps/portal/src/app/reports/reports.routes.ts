import { Routes } from '@angular/router';

/** Reports (centre staff): the centre's reports on its documents. */
export const routes: Routes = [
  {
    path: '',
    title: 'Reports',
    loadComponent: () => import('./reports-page.component').then((m) => m.ReportsPageComponent),
  },
];
