import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMINISTRATOR, provideSession, SessionStub } from '../../testing/session-stub';
import { unauthorizedInterceptor } from './unauthorized.interceptor';

@Component({ template: 'page' })
class PageStub {}

describe('unauthorizedInterceptor', () => {
  let session: SessionStub;
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    const { stub, provider } = provideSession(ADMINISTRATOR);
    session = stub;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: PageStub }]),
        provideHttpClient(withInterceptors([unauthorizedInterceptor])),
        provideHttpClientTesting(),
        provider,
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/emails');
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => backend.verify());

  it('sends the user to sign in after a 401, with the page to come back to', async () => {
    let status = 0;
    http.get('/api/admin/emails').subscribe({ error: (error: { status: number }) => (status = error.status) });
    backend.expectOne('/api/admin/emails').flush({ statusCode: 401, error: 'Unauthorized', message: 'Sign in.' }, { status: 401, statusText: 'Unauthorized' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(status).toBe(401);
    expect(session.cleared).toBe(1);
    expect(router.url).toBe('/sign-in?returnUrl=%2Fadmin%2Femails');
  });

  it('leaves a 401 of the sign-in call to the sign-in page', async () => {
    http.post('/api/auth/sign-in', {}).subscribe({ error: () => undefined });
    backend
      .expectOne('/api/auth/sign-in')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect.' }, { status: 401, statusText: 'Unauthorized' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(session.cleared).toBe(0);
    expect(router.url).toBe('/admin/emails');
  });

  it('lets other errors through untouched', async () => {
    http.get('/api/admin/emails').subscribe({ error: () => undefined });
    backend.expectOne('/api/admin/emails').flush(null, { status: 500, statusText: 'Server Error' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(session.cleared).toBe(0);
    expect(router.url).toBe('/admin/emails');
  });
});
