import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, errorOf, errors, field, settle, textOf, type } from '../../testing/forms';
import { RegisterPageComponent } from './register-page.component';

@Component({ template: 'elsewhere' })
class ElsewhereStub {}

const ACCEPTED = { message: 'Thank you. We have sent an email to the address you gave.' };

describe('RegisterPageComponent', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'register', component: RegisterPageComponent },
          { path: '**', component: ElsewhereStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/register', RegisterPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  function fillValidForm(overrides: Record<string, string> = {}): void {
    const values: Record<string, string> = {
      'First name': '  Ada ',
      'Last name': 'Lovelace',
      Email: 'ada@college.example',
      'Date of birth': '23/04/1985',
      'Centre number': 'c 10001',
      Phone: '+44 113 496 0000',
      Password: 'correct horse battery',
      'Confirm password': 'correct horse battery',
      ...overrides,
    };
    for (const [label, value] of Object.entries(values)) {
      type(root, label, value);
    }
  }

  async function submit(): Promise<void> {
    button(root, 'Register')!.click();
    await fixture.whenStable();
  }

  it('labels every field, says the password rule and has a date input that gives YYYY-MM-DD', async () => {
    const labels = Array.from(root.querySelectorAll('mat-label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['First name', 'Last name', 'Email', 'Date of birth', 'Centre number', 'Phone', 'Password', 'Confirm password']);
    expect(textOf(field(root, 'Password').closest('mat-form-field')?.querySelector('mat-hint'))).toContain('8 to 128 characters');
    const date = field(root, 'Date of birth');
    expect(date.type).toBe('text');
    expect(date.placeholder).toBe('dd/mm/yyyy');
    expect(root.querySelector('a[href="/sign-in"]')).not.toBeNull();
  });

  it('sends learners and third parties to their own registration', async () => {
    const other = root.querySelector('[data-testid="other-registrations"]');
    expect(textOf(other)).toContain('Are you a learner? Register as a learner.');
    expect(textOf(other)).toContain('Are you an employer or other third party? Register as a third party.');
    expect(other?.querySelector('a[href="/register/learner"]')).not.toBeNull();
    expect(other?.querySelector('a[href="/register/third-party"]')).not.toBeNull();
  });

  it('asks for every field when submitted empty, without calling the API', async () => {
    await submit();

    expect(errors(root)).toEqual([
      'Enter your first name',
      'Enter your last name',
      'Enter your email address',
      'Enter your date of birth',
      'Enter your centre number',
      'Enter your phone number',
      'Choose a password',
      'Enter the password again',
    ]);
    expect(root.querySelector('[data-testid="register-error"]')?.getAttribute('role')).toBe('alert');
    backend.expectNone('/api/registrations');
  });

  it('checks the email format, a date in the past, the phone, the centre number and the password rules', async () => {
    fillValidForm({
      Email: 'ada@college',
      'Date of birth': '01/01/2999',
      Phone: 'call me',
      'Centre number': 'C1/2',
      Password: 'short',
      'Confirm password': 'shorter',
    });
    await submit();

    expect(errorOf(root, 'Email')).toBe('Enter a valid email address, like name@example.org');
    expect(errorOf(root, 'Date of birth')).toBe('Enter a date of birth in the past');
    expect(errorOf(root, 'Phone')).toBe('Enter a phone number of digits, spaces, brackets and dashes, optionally starting with +');
    expect(errorOf(root, 'Centre number')).toBe('Enter a centre number of 1 to 16 letters, digits or dashes');
    expect(errorOf(root, 'Password')).toBe('Choose a password of at least 8 characters');
    expect(errorOf(root, 'Confirm password')).toBe('The passwords do not match');
    backend.expectNone('/api/registrations');
  });

  it('counts characters, not UTF-16 units, and has no composition rules', async () => {
    fillValidForm({ Password: '😀😀😀😀😀😀😀', 'Confirm password': '😀😀😀😀😀😀😀' });
    await submit();
    expect(errorOf(root, 'Password')).toBe('Choose a password of at least 8 characters');

    fillValidForm({ Password: 'aaaaaaaa', 'Confirm password': 'aaaaaaaa' });
    await submit();
    expect(errorOf(root, 'Password')).toBeNull();
    backend.expectOne('/api/registrations').flush(ACCEPTED, { status: 202, statusText: 'Accepted' });
  });

  it('re-checks the confirmation when the password changes', async () => {
    fillValidForm();
    type(root, 'Password', 'another long password');
    await submit();
    expect(errorOf(root, 'Confirm password')).toBe('The passwords do not match');
  });

  it('rejects names and emails longer than the API allows', async () => {
    fillValidForm({ 'First name': 'A'.repeat(101), Email: `${'a'.repeat(315)}@x.org` });
    await submit();
    expect(errorOf(root, 'First name')).toBe('Enter a first name of at most 100 characters');
    expect(errorOf(root, 'Email')).toBe('Enter an email address of at most 320 characters');
  });

  it('registers with trimmed details and shows the confirmation with the address and the spam advice', async () => {
    fillValidForm();
    await submit();

    const request = backend.expectOne('/api/registrations');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@college.example',
      dateOfBirth: '1985-04-23',
      centreNumber: 'C10001',
      phone: '+44 113 496 0000',
      password: 'correct horse battery',
    });
    request.flush(ACCEPTED, { status: 202, statusText: 'Accepted' });
    await settle(fixture);

    const confirmation = root.querySelector('[data-testid="registration-confirmation"]');
    expect(root.querySelector('form[aria-label="Registration"]')).toBeNull();
    expect(textOf(confirmation?.querySelector('h1'))).toBe('Check your email');
    expect(textOf(confirmation)).toContain('We have sent a verification link to ada@college.example.');
    expect(textOf(confirmation)).toContain('If you do not receive it, check your spam or junk folder');
    expect(document.activeElement).toBe(confirmation?.querySelector('h1'));
  });

  it('sends the link again on request and confirms it', async () => {
    fillValidForm();
    await submit();
    backend.expectOne('/api/registrations').flush(ACCEPTED, { status: 202, statusText: 'Accepted' });
    await settle(fixture);

    button(root, 'Send the link again')!.click();
    const resend = backend.expectOne('/api/registrations/resend');
    expect(resend.request.method).toBe('POST');
    expect(resend.request.body).toEqual({ email: 'ada@college.example' });
    resend.flush(
      { message: 'If that address has a registration waiting for verification, we have sent a new link to it.' },
      { status: 202, statusText: 'Accepted' },
    );
    await settle(fixture);

    const sent = root.querySelector('[data-testid="resend-confirmation"]');
    expect(sent?.getAttribute('role')).toBe('status');
    expect(textOf(sent)).toContain('If ada@college.example has a registration waiting for verification, we have sent a new link to it.');
  });

  it("puts the API's field errors under the fields and its message in the alert", async () => {
    fillValidForm({ Password: 'password123', 'Confirm password': 'password123' });
    await submit();

    const problem = 'This password is too common: it appears in lists of passwords that attackers try first. Choose another.';
    backend
      .expectOne('/api/registrations')
      .flush({ statusCode: 400, error: 'Bad Request', message: problem, fieldErrors: { password: [problem] } }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);

    expect(errorOf(root, 'Password')).toBe(problem);
    expect(textOf(root.querySelector('[data-testid="register-error"]'))).toBe(problem);
    expect(root.querySelector('[data-testid="registration-confirmation"]')).toBeNull();

    type(root, 'Password', 'a quite different phrase');
    await fixture.whenStable();
    expect(errorOf(root, 'Password')).toBeNull();
  });
});
