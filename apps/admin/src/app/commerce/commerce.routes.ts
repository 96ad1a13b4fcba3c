import { Routes } from '@angular/router';

/** Orders (administrators), under /admin/orders: the fulfilment queue and one order. */
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

/** Products and duplicate reasons (administrators), under /admin/products. */
export const PRODUCT_ROUTES: Routes = [
  {
    path: '',
    title: 'Products',
    loadComponent: () => import('./products-page.component').then((m) => m.ProductsPageComponent),
  },
];

/** Centre credit accounts (administrators), under /admin/credit-accounts. */
export const CREDIT_ACCOUNT_ROUTES: Routes = [
  {
    path: '',
    title: 'Credit accounts',
    loadComponent: () => import('./credit-accounts-page.component').then((m) => m.CreditAccountsPageComponent),
  },
];
