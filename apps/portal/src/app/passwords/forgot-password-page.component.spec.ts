import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, errorOf, settle, textOf, type } from '../../testing/forms';
import { ForgotPasswordPageComponent } from './forgot-password-page.component';

describe('ForgotPasswordPageComponent', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'forgot-password', component: ForgotPasswordPageComponent }]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/forgot-password', ForgotPasswordPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  async function ask(email: string): Promise<void> {
    type(root, 'Email', email);
    button(root, 'Send the link')!.click();
    await fixture.whenStable();
  }

  it('asks for a valid address before calling the API', async () => {
    await ask('');
    expect(errorOf(root, 'Email')).toBe('Enter your email address');
    await ask('not-an-address');
    expect(errorOf(root, 'Email')).toBe('Enter a valid email address, like name@example.org');
    backend.expectNone('/api/auth/forgot-password');
  });

  it('gives the same confirmation whatever the address, naming it', async () => {
    const confirmations: string[] = [];
    for (const email of ['ada@college.example', 'nobody@nowhere.example']) {
      await ask(email);
      const request = backend.expectOne('/api/auth/forgot-password');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ email });
      request.flush({ message: 'If that address has an account, we have sent it a link.' }, { status: 202, statusText: 'Accepted' });
      await settle(fixture);

      const sent = textOf(root.querySelector('[data-testid="forgot-password-sent"]'));
      expect(sent).toBe(`If an account exists for ${email}, we have sent a link to reset the password. The link works once and expires in an hour.`);
      confirmations.push(sent.replace(email, '<email>'));
      expect(document.activeElement?.tagName).toBe('H1');

      button(root, 'Use another address')!.click();
      await fixture.whenStable();
    }
    expect(confirmations[0]).toBe(confirmations[1]);
  });

  it('says so when the request is throttled', async () => {
    await ask('ada@college.example');
    backend
      .expectOne('/api/auth/forgot-password')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests. Wait a minute, then try again.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle(fixture);

    expect(textOf(root.querySelector('[role="alert"]'))).toBe('Too many requests. Wait a minute, then try again.');
    expect(root.querySelector('[data-testid="forgot-password-confirmation"]')).toBeNull();
  });
});
