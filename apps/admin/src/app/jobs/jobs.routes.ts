import { Routes } from '@angular/router';

/** Jobs (administrators), under /admin/jobs: the list, issuing a job from CSV, and one job's progress. */
export const JOB_ROUTES: Routes = [
  {
    path: '',
    title: 'Jobs',
    loadComponent: () => import('./jobs-page.component').then((m) => m.JobsPageComponent),
  },
  {
    path: 'new',
    title: 'Issue a job',
    loadComponent: () => import('./issue-job-page.component').then((m) => m.IssueJobPageComponent),
  },
  {
    path: ':id',
    title: 'Job',
    loadComponent: () => import('./job-page.component').then((m) => m.JobPageComponent),
  },
];
