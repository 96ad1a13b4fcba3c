import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

/** Opens an address as a whole new page (the browser's own navigation, not the router's). */
export const PAGE_LOAD = new InjectionToken<(url: string) => void>('PAGE_LOAD', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return (url: string) => document.location.assign(url);
  },
});

/**
 * A document's verification page, /verify/<code>, is written by the server (plain HTML with the
 * live facts, fast on a phone: libs/verification/src/page). A link or a form of the portal that
 * leads there loads it as a page of its own. Only the development server (ng serve) opens this
 * address in the app itself; that goes to the form instead of loading the same address again.
 */
export const loadServerPage: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  if (!router.navigated) return router.createUrlTree(['/verify']);
  inject(PAGE_LOAD)(state.url);
  return false;
};
