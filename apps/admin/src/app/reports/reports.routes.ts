import { Routes } from '@angular/router';

/** Reported issues (support staff and administrators), under /admin/reports: the triage queue and one report. */
export const REPORT_ROUTES: Routes = [
  {
    path: '',
    title: 'Reported issues',
    loadComponent: () => import('./reports-page.component').then((m) => m.ReportsPageComponent),
  },
  {
    path: ':id',
    title: 'Reported issue',
    loadComponent: () => import('./report-detail-page.component').then((m) => m.ReportDetailPageComponent),
  },
];
