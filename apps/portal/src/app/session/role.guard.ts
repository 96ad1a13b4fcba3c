import { inject } from '@angular/core';
import { CanMatchFn, Router, UrlSegment } from '@angular/router';
import { PendingSignIn, Role } from '@achievement/contracts';
import { SessionService } from './session.service';

/**
 * Lets a route match only for a signed-in user with one of the roles (any role when none is
 * given). Anonymous visitors go to /sign-in?returnUrl=…, other roles to the home page.
 * Convenience only: the API decides what each user may see and do.
 */
export function requireRole(...roles: Role[]): CanMatchFn {
  return (_route, segments) => {
    const session = inject(SessionService);
    const user = session.user();
    const router = inject(Router);
    if (!user) {
      const returnUrl = attemptedUrl(router, segments);
      // half signed in: the second step of sign-in comes first
      const pending = session.pending();
      const page = pending ? (pending.step === 'enrolment' ? '/sign-in/set-up' : '/sign-in/second-factor') : '/sign-in';
      return router.createUrlTree([page], returnUrl === '/' ? {} : { queryParams: { returnUrl } });
    }
    if (roles.length === 0 || roles.includes(user.role)) {
      return true;
    }
    return router.createUrlTree(['/']);
  };
}

/** Any signed-in user. */
export const requireSignIn: CanMatchFn = requireRole();

/** Only anonymous visitors (the sign-in page); a signed-in user goes home. */
export const requireAnonymous: CanMatchFn = () => (inject(SessionService).user() ? inject(Router).createUrlTree(['/']) : true);

/** The second step of sign-in (the second factor, or setting one up): only while the session is at that step. */
export function requirePending(step: PendingSignIn['step']): CanMatchFn {
  return () => {
    const session = inject(SessionService);
    if (session.pending()?.step === step) return true;
    return inject(Router).createUrlTree([session.user() ? '/' : '/sign-in']);
  };
}

function attemptedUrl(router: Router, segments: UrlSegment[]): string {
  const navigation = router.currentNavigation();
  if (navigation) {
    return router.serializeUrl(navigation.extractedUrl);
  }
  return '/' + segments.map((segment) => segment.path).join('/');
}
