import { Routes } from '@angular/router';

/** Downloads (centre staff): the centre's zips of documents. */
export const routes: Routes = [
  {
    path: '',
    title: 'Downloads',
    loadComponent: () => import('./downloads-page.component').then((m) => m.DownloadsPageComponent),
  },
];
