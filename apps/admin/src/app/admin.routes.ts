import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { Routes } from '@angular/router';
import { provideAdminIcons } from './icons';

/**
 * The admin remote's routes, exposed to the portal as './routes' (see federation.config.js) and
 * mounted there under /admin; run alone, the admin app mounts them at its root. Each feature's
 * routes load lazily. The API decides who may do what: registrations, centres and accounts are
 * for administrators, and so are jobs, the verification log, qualifications, and the shop's
 * orders, products and credit accounts; the Email log and
 * reported issues for support staff too.
 */
/** The admin area's pages (see `routes`, below, which mounts them with the admin's icons). */
const pages: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'emails' },
  {
    path: 'emails',
    children: [
      {
        path: '',
        title: 'Email log',
        loadComponent: () => import('./email-log/email-log-page.component').then((m) => m.EmailLogPageComponent),
      },
      {
        path: ':id',
        title: 'Email',
        loadComponent: () => import('./email-log/email-detail-page.component').then((m) => m.EmailDetailPageComponent),
      },
    ],
  },
  {
    path: 'registrations',
    loadChildren: () => import('./registrations/registrations.routes').then((m) => m.REGISTRATION_ROUTES),
  },
  {
    path: 'centres',
    loadChildren: () => import('./centres/centres.routes').then((m) => m.CENTRE_ROUTES),
  },
  {
    path: 'users',
    loadChildren: () => import('./users/users.routes').then((m) => m.USER_ROUTES),
  },
  {
    path: 'jobs',
    loadChildren: () => import('./jobs/jobs.routes').then((m) => m.JOB_ROUTES),
  },
  {
    path: 'reports',
    loadChildren: () => import('./reports/reports.routes').then((m) => m.REPORT_ROUTES),
  },
  {
    path: 'verifications',
    loadChildren: () => import('./verification/verification.routes').then((m) => m.VERIFICATION_ROUTES),
  },
  {
    path: 'qualifications',
    loadChildren: () => import('./verification/verification.routes').then((m) => m.QUALIFICATION_ROUTES),
  },
  {
    path: 'orders',
    loadChildren: () => import('./commerce/commerce.routes').then((m) => m.ORDER_ROUTES),
  },
  {
    path: 'products',
    loadChildren: () => import('./commerce/commerce.routes').then((m) => m.PRODUCT_ROUTES),
  },
  {
    path: 'credit-accounts',
    loadChildren: () => import('./commerce/commerce.routes').then((m) => m.CREDIT_ACCOUNT_ROUTES),
  },
];

/**
 * The pages under one route that brings the admin's own Material settings: Material is bundled into
 * each app, not shared (see federation.config.js), so the portal's providers of it do not reach the
 * admin's copy. Its icons (icons.ts) go to its own icon registry.
 */
export const routes: Routes = [
  {
    path: '',
    providers: [provideAdminIcons(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline' } satisfies MatFormFieldDefaultOptions }],
    children: pages,
  },
];

export default routes;
