import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle, textOf, type } from '../../testing/forms';
import { VerifyEmailPageComponent } from './verify-email-page.component';

@Component({ template: 'elsewhere' })
class ElsewhereStub {}

describe('VerifyEmailPageComponent', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'verify-email', component: VerifyEmailPageComponent },
          { path: '**', component: ElsewhereStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, VerifyEmailPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it('posts the token once on load and shows progress meanwhile', async () => {
    await open('/verify-email?token=abc123');
    await fixture.whenStable();

    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    const request = backend.expectOne('/api/registrations/verify');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ token: 'abc123' });
    request.flush({ outcome: 'active', message: 'ok' });
  });

  it('says a matched person can sign in now, with a Sign in button', async () => {
    await open('/verify-email?token=abc123');
    backend.expectOne('/api/registrations/verify').flush({ outcome: 'active', message: 'Your account is ready.' });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="verify-outcome"]'))).toBe('Your email is verified and your account is ready: you can sign in now.');
    const signIn = root.querySelector<HTMLAnchorElement>('a[href="/sign-in"]');
    expect(textOf(signIn)).toContain('Sign in');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says a registration that did not match waits for an administrator', async () => {
    await open('/verify-email?token=abc123');
    backend.expectOne('/api/registrations/verify').flush({ outcome: 'awaiting_review', message: 'An administrator will check.' });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="verify-outcome"]'))).toBe(
      'Your email is verified. Your details did not match the details we hold, so an administrator will review your registration. We will email you when your account is released.',
    );
    expect(root.querySelector('a[href="/sign-in"]')).toBeNull();
  });

  it("shows the API's message for a used or expired link and sends a new one to the address given", async () => {
    await open('/verify-email?token=old');
    backend.expectOne('/api/registrations/verify').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'This verification link has expired. Ask for a new one.',
        code: 'TOKEN_INVALID',
        fieldErrors: { token: ['This verification link has expired.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    const error = root.querySelector('[data-testid="verify-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toBe('This verification link has expired. Ask for a new one.');
    expect(root.querySelector('[data-testid="verify-outcome"]')).toBeNull();

    button(root, 'Send a new link')!.click();
    await fixture.whenStable();
    expect(textOf(root.querySelector('mat-error'))).toBe('Enter the email address you registered with');
    backend.expectNone('/api/registrations/resend');

    type(root, 'Email', ' ada@college.example ');
    button(root, 'Send a new link')!.click();
    const resend = backend.expectOne('/api/registrations/resend');
    expect(resend.request.body).toEqual({ email: 'ada@college.example' });
    resend.flush({ message: 'sent' }, { status: 202, statusText: 'Accepted' });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="resend-confirmation"]'))).toContain(
      'If ada@college.example has a registration waiting for verification, we have sent a new link to it.',
    );
  });

  it('offers Retry when the API cannot be reached, and tries the same link again', async () => {
    await open('/verify-email?token=abc123');
    backend.expectOne('/api/registrations/verify').flush(null, { status: 503, statusText: 'Unavailable' });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="verify-error"]'))).toContain('could not be verified right now');
    button(root, 'Retry')!.click();
    backend.expectOne('/api/registrations/verify').flush({ outcome: 'active', message: 'ok' });
    await settle(fixture);
    expect(root.querySelector('[data-testid="verify-outcome"]')).not.toBeNull();
  });

  it('asks for the address to send a new link to when it has no token', async () => {
    await open('/verify-email');
    await settle(fixture);

    backend.expectNone('/api/registrations/verify');
    expect(textOf(root.querySelector('h1'))).toBe('Get a new verification link');
    expect(root.querySelector('[data-testid="resend-verification"] input[type="email"]')).not.toBeNull();
  });
});
