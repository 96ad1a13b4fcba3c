import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { SessionService } from './session.service';

/**
 * A 401 from any API call except the sign-in ones (/api/auth/*) means the session is gone:
 * forget the user and send them to the sign-in page, coming back here afterwards.
 */
export const unauthorizedInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const session = inject(SessionService);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !isAuthCall(request.url)) {
        session.clear();
        const returnUrl = router.url;
        if (!returnUrl.startsWith('/sign-in')) {
          void router.navigate(['/sign-in'], { queryParams: { returnUrl } });
        }
      }
      return throwError(() => error);
    }),
  );
};

function isAuthCall(url: string): boolean {
  const path = url.startsWith('/') ? url : new URL(url, 'http://localhost').pathname;
  return path.startsWith('/api/auth/');
}
