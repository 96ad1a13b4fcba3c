import { Routes } from '@angular/router';

/** Smart Verify, public (no sign-in): the code and PDF checks, and a document's verification page (the QR code's address). */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Verify a document',
    loadComponent: () => import('./verify-page.component').then((m) => m.VerifyPageComponent),
  },
  {
    path: ':code',
    title: 'Document verification',
    loadComponent: () => import('./verification-page.component').then((m) => m.VerificationPageComponent),
  },
];
