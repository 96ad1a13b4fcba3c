import { Routes } from '@angular/router';

/** The review queue and one registration of it (administrators), under /admin/registrations. */
export const REGISTRATION_ROUTES: Routes = [
  {
    path: '',
    title: 'Registrations',
    loadComponent: () => import('./review-queue-page.component').then((m) => m.ReviewQueuePageComponent),
  },
  {
    path: ':id',
    title: 'Registration',
    loadComponent: () => import('./registration-detail-page.component').then((m) => m.RegistrationDetailPageComponent),
  },
];
