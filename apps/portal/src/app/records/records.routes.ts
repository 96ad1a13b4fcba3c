import { Routes } from '@angular/router';

/** Records (centre staff): the search, and a record's document page. */
export const routes: Routes = [
  {
    path: '',
    title: 'Records',
    loadComponent: () => import('./records-page.component').then((m) => m.RecordsPageComponent),
  },
  {
    path: ':id',
    title: 'Document',
    loadComponent: () => import('../documents/document-page.component').then((m) => m.DocumentPageComponent),
  },
];
