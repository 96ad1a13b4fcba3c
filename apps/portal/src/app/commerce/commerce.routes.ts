import { Routes } from '@angular/router';

/** Orders (centre staff and learners), under /orders: the list and one order. */
export const ORDER_ROUTES: Routes = [
  {
    path: '',
    title: 'Orders',
    loadComponent: () => import('./orders-page.component').then((m) => m.OrdersPageComponent),
  },
  {
    path: ':id',
    title: 'Order',
    loadComponent: () => import('./order-page.component').then((m) => m.OrderPageComponent),
  },
];
