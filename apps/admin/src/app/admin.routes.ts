import { Routes } from '@angular/router';

/**
 * The admin remote's routes, exposed to the portal as './routes' (see federation.config.js) and
 * mounted there under /admin; run alone, the admin app mounts them at its root.
 */
export const routes: Routes = [
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
];

export default routes;
