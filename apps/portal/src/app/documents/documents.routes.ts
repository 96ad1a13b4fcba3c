import { Routes } from '@angular/router';

/** A document's page by its id (the same page as /records/:id). */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: '/records' },
  {
    path: ':id',
    title: 'Document',
    loadComponent: () => import('./document-page.component').then((m) => m.DocumentPageComponent),
  },
];
