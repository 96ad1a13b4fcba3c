import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { provideRouter, TitleStrategy, withInMemoryScrolling } from '@angular/router';
import { routes } from './app.routes';
import { providePortalIcons } from './icons';
import { PageTitleStrategy } from './page-title.strategy';
import { SessionService } from './session/session.service';
import { stepUpInterceptor } from './second-factor/step-up.interceptor';
import { unauthorizedInterceptor } from './session/unauthorized.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withInMemoryScrolling({ scrollPositionRestoration: 'enabled' })),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    // The API checks X-XSRF-TOKEN (the XSRF-TOKEN cookie's value) on every POST/PUT/PATCH/DELETE.
    provideHttpClient(
      withFetch(),
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([unauthorizedInterceptor, stepUpInterceptor]),
    ),
    provideAppInitializer(() => inject(SessionService).load()),
    // Icons are inline SVG, only those the portal shows (icons.ts); the admin remote registers its own.
    providePortalIcons(),
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline' } satisfies MatFormFieldDefaultOptions },
  ],
};
