import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMINISTRATOR } from '../../testing/session-stub';
import { SessionService } from '../session/session.service';
import { SignInPageComponent } from './sign-in-page.component';

@Component({ template: 'elsewhere' })
class ElsewhereStub {}

describe('SignInPageComponent', () => {
  let harness: RouterTestingHarness;
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  async function open(url = '/sign-in'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', component: SignInPageComponent },
          { path: '**', component: ElsewhereStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, SignInPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  function type(label: 'Email' | 'Password', value: string): void {
    const input = root.querySelector<HTMLInputElement>(label === 'Email' ? 'input[type="email"]' : 'input[type="password"]')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function submit(): Promise<void> {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
  }

  /** Lets the awaited API answer and the navigation after it finish. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const errors = () => Array.from(root.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());

  afterEach(() => backend.verify());

  it('labels its fields Email and Password and its button Sign in', async () => {
    await open();
    const labels = Array.from(root.querySelectorAll('mat-label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Email', 'Password']);
    expect(root.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Sign in');
  });

  it('asks for both fields when submitted empty, without calling the API', async () => {
    await open();
    await submit();
    expect(errors()).toEqual(['Enter your email address', 'Enter your password']);
    backend.expectNone('/api/auth/sign-in');
  });

  it('asks for a valid email address', async () => {
    await open();
    type('Email', 'not-an-address');
    type('Password', 'secret');
    await submit();
    expect(errors()).toEqual(['Enter a valid email address']);
  });

  it("shows the API's message in an alert when the credentials are wrong", async () => {
    await open();
    type('Email', 'ada@example.org');
    type('Password', 'wrong');
    await submit();

    const request = backend.expectOne('/api/auth/sign-in');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ada@example.org', password: 'wrong' });
    request.flush(
      { statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect.', code: 'BAD_CREDENTIALS' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();

    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('Email or password is incorrect.');
    expect(TestBed.inject(SessionService).user()).toBeNull();
  });

  it('signs in and goes to the returnUrl', async () => {
    await open('/sign-in?returnUrl=%2Fadmin%2Femails');
    type('Email', 'ada@example.org');
    type('Password', 'secret');
    await submit();

    backend.expectOne('/api/auth/sign-in').flush({ user: ADMINISTRATOR });
    await settle();

    expect(TestBed.inject(SessionService).user()).toEqual(ADMINISTRATOR);
    expect(TestBed.inject(Router).url).toBe('/admin/emails');
  });

  it('goes on to the second factor, keeping the returnUrl, when the password was right and a second step is due', async () => {
    await open('/sign-in?returnUrl=%2Fadmin%2Femails');
    type('Email', 'ada@example.org');
    type('Password', 'secret');
    await submit();

    const pending = { step: 'second_factor', methods: ['totp', 'recovery_code'], name: 'Ada Admin', expiresAt: '2026-12-03T10:10:00.000Z' };
    backend.expectOne('/api/auth/sign-in').flush({ user: null, pending });
    await settle();

    expect(TestBed.inject(SessionService).user()).toBeNull();
    expect(TestBed.inject(SessionService).pending()).toEqual(pending);
    expect(TestBed.inject(Router).url).toBe('/sign-in/second-factor?returnUrl=%2Fadmin%2Femails');
  });

  it('goes on to set up a second factor when the role must use one and has none', async () => {
    await open();
    type('Email', 'ada@example.org');
    type('Password', 'secret');
    await submit();
    backend
      .expectOne('/api/auth/sign-in')
      .flush({ user: null, pending: { step: 'enrolment', methods: [], name: 'Ada Admin', expiresAt: '2026-12-03T10:10:00.000Z' } });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/sign-in/set-up');
  });

  it('goes to the home page, never to another site, when the returnUrl is not a path of the portal', async () => {
    await open('/sign-in?returnUrl=%2F%2Fevil.example%2F');
    type('Email', 'ada@example.org');
    type('Password', 'secret');
    await submit();

    backend.expectOne('/api/auth/sign-in').flush({ user: ADMINISTRATOR });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('links to the password reset and to registration', async () => {
    await open();
    expect(root.querySelector('a[href="/forgot-password"]')?.textContent?.trim()).toBe('Forgot your password?');
    expect(root.querySelector('a[href="/register"]')?.textContent?.trim()).toBe('Register');
  });

  it('links learners and third parties to their own registration, after the centre staff one', async () => {
    await open();
    const learner = root.querySelector('a[href="/register/learner"]');
    const thirdParty = root.querySelector('a[href="/register/third-party"]');
    expect(learner?.textContent?.trim()).toBe('Register as a learner');
    expect(learner?.parentElement?.textContent).toContain('Are you a learner?');
    expect(thirdParty?.textContent?.trim()).toBe('Register as a third party');
    expect(thirdParty?.parentElement?.textContent).toContain('Are you an employer or other third party?');
    const links = Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links.indexOf('/register')).toBeLessThan(links.indexOf('/register/learner'));
  });

  it("shows the API's reason when the password is right but the email is not verified, with a way to get a new link", async () => {
    await open();
    type('Email', 'ada@example.org');
    type('Password', 'secret');
    await submit();

    const message = 'Your email address is not verified yet. Follow the link in the email we sent you, or ask for a new one.';
    backend
      .expectOne('/api/auth/sign-in')
      .flush({ statusCode: 403, error: 'Forbidden', message, code: 'EMAIL_NOT_VERIFIED' }, { status: 403, statusText: 'Forbidden' });
    await settle();

    const alert = root.querySelector('[data-testid="sign-in-error"]');
    expect(alert?.textContent).toContain(message);
    expect(alert?.querySelector('a[href="/verify-email"]')?.textContent?.trim()).toBe('Send me a new verification link');
  });

  it("shows the API's reason when the registration is waiting for review", async () => {
    await open();
    type('Email', 'ada@example.org');
    type('Password', 'secret');
    await submit();

    const message = 'Your registration is waiting for an administrator to check it. We will email you as soon as it has been decided.';
    backend
      .expectOne('/api/auth/sign-in')
      .flush({ statusCode: 403, error: 'Forbidden', message, code: 'REGISTRATION_AWAITING_REVIEW' }, { status: 403, statusText: 'Forbidden' });
    await settle();

    const alert = root.querySelector('[data-testid="sign-in-error"]');
    expect(alert?.textContent?.trim()).toBe(message);
    expect(alert?.querySelector('a')).toBeNull();
  });
});
