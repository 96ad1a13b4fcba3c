import { Routes } from '@angular/router';

/** The third party's page: the documents learners share with them. */
export const routes: Routes = [
  {
    path: '',
    title: 'Shared with me',
    loadComponent: () => import('./third-party-page.component').then((m) => m.ThirdPartyPageComponent),
  },
];
