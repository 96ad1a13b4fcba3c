import { Routes } from '@angular/router';
import { loadServerPage } from './server-page';

/** Smart Verify, public (no sign-in): the code and PDF checks; a document's own page (the QR code's address) is the server's. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Verify a document',
    loadComponent: () => import('./verify-page.component').then((m) => m.VerifyPageComponent),
  },
  {
    path: ':code',
    canActivate: [loadServerPage],
    children: [],
  },
];
