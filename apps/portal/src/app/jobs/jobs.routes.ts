import { Routes } from '@angular/router';

/** Jobs Issued (centre staff): the centre's jobs, and a job's documents. */
export const routes: Routes = [
  {
    path: '',
    title: 'Jobs Issued',
    loadComponent: () => import('./jobs-page.component').then((m) => m.JobsPageComponent),
  },
  {
    path: ':id',
    title: 'Job',
    loadComponent: () => import('./job-page.component').then((m) => m.JobPageComponent),
  },
];
