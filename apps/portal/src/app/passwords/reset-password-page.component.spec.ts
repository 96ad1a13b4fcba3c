import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, errorOf, settle, textOf, type } from '../../testing/forms';
import { ResetPasswordPageComponent } from './reset-password-page.component';

@Component({ template: 'elsewhere' })
class ElsewhereStub {}

describe('ResetPasswordPageComponent', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  async function open(url = '/reset-password?token=tok-1'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'reset-password', component: ResetPasswordPageComponent },
          { path: '**', component: ElsewhereStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, ResetPasswordPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  async function choose(password: string, confirmation: string): Promise<void> {
    type(root, 'New password', password);
    type(root, 'Confirm new password', confirmation);
    button(root, 'Save new password')!.click();
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('refuses two different passwords without calling the API', async () => {
    await open();
    await choose('correct horse battery', 'correct horse battery!');

    expect(errorOf(root, 'Confirm new password')).toBe('The passwords do not match');
    backend.expectNone('/api/auth/reset-password');
  });

  it('says the length rule, 8 to 128 characters', async () => {
    await open();
    await choose('short', 'short');
    expect(errorOf(root, 'New password')).toBe('Choose a password of at least 8 characters');
    await choose('x'.repeat(129), 'x'.repeat(129));
    expect(errorOf(root, 'New password')).toBe('Choose a password of at most 128 characters');
    backend.expectNone('/api/auth/reset-password');
  });

  it('shows and hides the password', async () => {
    await open();
    const toggle = root.querySelector<HTMLButtonElement>('button[aria-label="Show password"]')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector<HTMLInputElement>('input[autocomplete="new-password"]')!.type).toBe('text');
  });

  it('changes the password with the token, says every device is signed out and offers Sign in', async () => {
    await open();
    await choose('correct horse battery', 'correct horse battery');

    const request = backend.expectOne('/api/auth/reset-password');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ token: 'tok-1', password: 'correct horse battery' });
    request.flush({ message: 'Your password has been changed.' });
    await settle(fixture);
    // the sessions ended: the shell asks again who is signed in
    backend.expectOne('/api/auth/session').flush({ user: null });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="reset-password-done"]'))).toBe(
      'Your password has been changed and you have been signed out everywhere. Sign in with your new password.',
    );
    expect(textOf(root.querySelector('a[href="/sign-in"]'))).toContain('Sign in');
    expect(root.querySelector('form')).toBeNull();
  });

  it("shows the API's message about a used or expired link, with a way to ask for a new one", async () => {
    await open();
    await choose('correct horse battery', 'correct horse battery');
    backend.expectOne('/api/auth/reset-password').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'This password reset link is not valid. Ask for a new one.',
        code: 'TOKEN_INVALID',
        fieldErrors: { token: ['This password reset link is not valid.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="reset-password-error"]'))).toBe('This password reset link is not valid. Ask for a new one.');
    expect(textOf(root.querySelector('a[href="/forgot-password"]'))).toBe('Ask for a new link');
    expect(root.querySelector('form')).toBeNull();
  });

  it('keeps the form and marks the field when the API refuses the password itself', async () => {
    await open();
    await choose('password123', 'password123');
    const problem = 'This password is too common. Choose another.';
    backend
      .expectOne('/api/auth/reset-password')
      .flush({ statusCode: 400, error: 'Bad Request', message: problem, fieldErrors: { password: [problem] } }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);

    expect(errorOf(root, 'New password')).toBe(problem);
    expect(root.querySelector('a[href="/forgot-password"]')).toBeNull();
  });

  it('offers a new link when the address has no token', async () => {
    await open('/reset-password');
    expect(textOf(root.querySelector('[data-testid="reset-password-error"]'))).toContain('no reset code');
    expect(root.querySelector('a[href="/forgot-password"]')).not.toBeNull();
  });
});
