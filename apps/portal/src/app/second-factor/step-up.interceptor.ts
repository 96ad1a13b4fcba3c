import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { SECOND_FACTOR_ERRORS } from '@achievement/contracts';
import { MatDialog } from '@angular/material/dialog';
import { catchError, firstValueFrom, from, Observable, shareReplay, switchMap, throwError } from 'rxjs';
import { StepUpDialogComponent } from './step-up-dialog.component';
import { apiErrorCode } from '@achievement/web';

/** One dialog at a time: requests refused together wait for the same answer. */
let open: Observable<boolean> | null = null;

/**
 * A 403 STEP_UP_REQUIRED (a change that needs the second factor again, in the portal or the admin
 * app it hosts) opens the "Confirm it's you" dialog; once a factor passes, the request is sent
 * again, once. Cancelled, the caller gets the original 403.
 */
export const stepUpInterceptor: HttpInterceptorFn = (request, next) => {
  const dialog = inject(MatDialog);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 403 || apiErrorCode(error) !== SECOND_FACTOR_ERRORS.STEP_UP_REQUIRED) {
        return throwError(() => error);
      }
      open ??= from(
        firstValueFrom(
          dialog
            .open<StepUpDialogComponent, void, boolean>(StepUpDialogComponent, { width: '460px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
            .afterClosed(),
        ).then((passed) => {
          open = null;
          return passed === true;
        }),
      ).pipe(shareReplay(1));
      return open.pipe(switchMap((passed) => (passed ? next(request) : throwError(() => error))));
    }),
  );
};
