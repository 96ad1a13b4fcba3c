import { Routes } from '@angular/router';

/** Smart Verify (administrators): the verification log, under /admin/verifications. */
export const VERIFICATION_ROUTES: Routes = [
  {
    path: '',
    title: 'Verifications',
    loadComponent: () => import('./verifications-page.component').then((m) => m.VerificationsPageComponent),
  },
];

/** Smart Verify (administrators): which qualifications show their documents on the verification page, under /admin/qualifications. */
export const QUALIFICATION_ROUTES: Routes = [
  {
    path: '',
    title: 'Qualifications',
    loadComponent: () => import('./qualifications-page.component').then((m) => m.QualificationsPageComponent),
  },
];
