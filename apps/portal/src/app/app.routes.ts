import { Routes } from '@angular/router';
import { loadAdminRoutes } from './admin-remote/admin-remote.routes';
import { requireAnonymous, requirePending, requireRole, requireSignIn } from './session/role.guard';

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
  // The second step of sign-in: the second factor, or setting one up for a role that must use one.
  {
    path: 'sign-in/second-factor',
    title: 'Confirm it’s you',
    canMatch: [requirePending('second_factor')],
    loadComponent: () => import('./second-factor/second-factor-page.component').then((m) => m.SecondFactorPageComponent),
  },
  {
    path: 'sign-in/set-up',
    title: 'Set up a second factor',
    canMatch: [requirePending('enrolment')],
    loadComponent: () => import('./second-factor/enrolment-page.component').then((m) => m.EnrolmentPageComponent),
  },
  // Registration of learners and third parties (before centre staff's /register).
  {
    path: 'register/learner',
    title: 'Register as a learner',
    canMatch: [requireAnonymous],
    loadComponent: () => import('./learner-registration/learner-registration-page.component').then((m) => m.LearnerRegistrationPageComponent),
  },
  {
    path: 'register/third-party',
    title: 'Register as a third party',
    canMatch: [requireAnonymous],
    loadComponent: () => import('./third-party-registration/third-party-registration-page.component').then((m) => m.ThirdPartyRegistrationPageComponent),
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
    path: 'account/security',
    title: 'Sign-in security',
    canMatch: [requireSignIn],
    loadComponent: () => import('./second-factor/security-page.component').then((m) => m.SecurityPageComponent),
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
  // Learners: their documents and connections. Third parties: what learners share with them.
  {
    path: 'learner',
    canMatch: [requireRole('learner')],
    loadChildren: () => import('./learner/learner.routes').then((m) => m.routes),
  },
  {
    path: 'third-party',
    canMatch: [requireRole('third_party')],
    loadChildren: () => import('./third-party/third-party.routes').then((m) => m.routes),
  },
  {
    // A learner's invitation: public, so the third party can see what it is before registering or signing in.
    path: 'invitations/:token',
    title: 'Invitation',
    loadComponent: () => import('./invitations/invitation-page.component').then((m) => m.InvitationPageComponent),
  },
  {
    // Smart Verify: public, no guard, so a visitor who scanned a QR code is never sent to sign in.
    path: 'verify',
    loadChildren: () => import('./verify/verify.routes').then((m) => m.routes),
  },
  // Commerce (centre staff and learners): printed copies of documents.
  {
    path: 'store',
    title: 'Store',
    canMatch: [requireRole('centre_staff', 'learner')],
    loadComponent: () => import('./commerce/store-page.component').then((m) => m.StorePageComponent),
  },
  {
    path: 'basket',
    title: 'Basket',
    canMatch: [requireRole('centre_staff', 'learner')],
    loadComponent: () => import('./commerce/basket-page.component').then((m) => m.BasketPageComponent),
  },
  {
    path: 'checkout',
    title: 'Checkout',
    canMatch: [requireRole('centre_staff', 'learner')],
    loadComponent: () => import('./commerce/checkout-page.component').then((m) => m.CheckoutPageComponent),
  },
  {
    path: 'orders',
    canMatch: [requireRole('centre_staff', 'learner')],
    loadChildren: () => import('./commerce/commerce.routes').then((m) => m.ORDER_ROUTES),
  },
  {
    // The admin remote (apps/admin), loaded through Native Federation.
    path: 'admin',
    canMatch: [requireRole('administrator', 'support')],
    loadChildren: loadAdminRoutes,
  },
  {
    // Open to everyone: how to contact the body, signed in or not.
    path: 'support',
    title: 'Support',
    loadComponent: () => import('./support/support-page.component').then((m) => m.SupportPageComponent),
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
  },
];
