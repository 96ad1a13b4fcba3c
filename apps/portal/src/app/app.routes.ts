import { Routes } from '@angular/router';
import { loadAdminRoutes } from './admin-remote/admin-remote.routes';
import { requireAnonymous, requireRole, requireSignIn } from './session/role.guard';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Home',
    canMatch: [requireSignIn],
    loadComponent: () => import('./home/home-page.component').then((m) => m.HomePageComponent),
  },
  {
    path: 'sign-in',
    title: 'Sign in',
    canMatch: [requireAnonymous],
    loadComponent: () => import('./sign-in/sign-in-page.component').then((m) => m.SignInPageComponent),
  },
  // Registration of centre staff, and the page of the link in the verification email.
  {
    path: 'register',
    title: 'Register',
    canMatch: [requireAnonymous],
    loadComponent: () => import('./registration/register-page.component').then((m) => m.RegisterPageComponent),
  },
  {
    // Open to everyone: the link may be followed in a browser where someone else is signed in.
    path: 'verify-email',
    title: 'Verify your email',
    loadComponent: () => import('./registration/verify-email-page.component').then((m) => m.VerifyEmailPageComponent),
  },
  // Passwords: the request for a reset link, and the page of that link.
  {
    path: 'forgot-password',
    title: 'Forgot your password',
    canMatch: [requireAnonymous],
    loadComponent: () => import('./passwords/forgot-password-page.component').then((m) => m.ForgotPasswordPageComponent),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password',
    loadComponent: () => import('./passwords/reset-password-page.component').then((m) => m.ResetPasswordPageComponent),
  },
  {
    path: 'profile',
    title: 'My profile',
    canMatch: [requireSignIn],
    loadComponent: () => import('./profile/profile-page.component').then((m) => m.ProfilePageComponent),
  },
  // Centre staff: Jobs Issued, Records (and a record's document page), Reports, Downloads.
  {
    path: 'jobs',
    canMatch: [requireRole('centre_staff')],
    loadChildren: () => import('./jobs/jobs.routes').then((m) => m.routes),
  },
  {
    path: 'records',
    canMatch: [requireRole('centre_staff')],
    loadChildren: () => import('./records/records.routes').then((m) => m.routes),
  },
  {
    path: 'documents',
    canMatch: [requireRole('centre_staff')],
    loadChildren: () => import('./documents/documents.routes').then((m) => m.routes),
  },
  {
    path: 'reports',
    canMatch: [requireRole('centre_staff')],
    loadChildren: () => import('./reports/reports.routes').then((m) => m.routes),
  },
  {
    path: 'downloads',
    canMatch: [requireRole('centre_staff')],
    loadChildren: () => import('./downloads/downloads.routes').then((m) => m.routes),
  },
  {
    // Smart Verify: public, no guard, so a visitor who scanned a QR code is never sent to sign in.
    path: 'verify',
    loadChildren: () => import('./verify/verify.routes').then((m) => m.routes),
  },
  {
    // The admin remote (apps/admin), loaded through Native Federation.
    path: 'admin',
    canMatch: [requireRole('administrator', 'support')],
    loadChildren: loadAdminRoutes,
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
  },
];
