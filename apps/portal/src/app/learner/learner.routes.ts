import { Routes } from '@angular/router';

/** The learner's pages: their documents and who they share them with. */
export const routes: Routes = [
  {
    path: '',
    title: 'My documents',
    loadComponent: () => import('./learner-dashboard-page.component').then((m) => m.LearnerDashboardPageComponent),
  },
  {
    path: 'connections',
    title: 'Connections',
    loadComponent: () => import('./connections-page.component').then((m) => m.ConnectionsPageComponent),
  },
];
