import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, errorOf, errors, field, settle, textOf, type } from '../../testing/forms';
import { LearnerRegistrationPageComponent } from './learner-registration-page.component';

@Component({ template: 'elsewhere' })
class ElsewhereStub {}

const ACCEPTED = { message: 'Thank you. If those details match a learner, we have sent an email to the address you gave.' };

describe('LearnerRegistrationPageComponent', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  async function open(url = '/register/learner'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'register/learner', component: LearnerRegistrationPageComponent },
          { path: '**', component: ElsewhereStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, LearnerRegistrationPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  function fillValidForm(overrides: Record<string, string> = {}): void {
    const values: Record<string, string> = {
      'Enrolment number': ' 0002124 ',
      'Date of birth': '14/03/2001',
      Email: ' lukasz@learner.example ',
      Password: 'gearbox lantern meadow',
      'Confirm password': 'gearbox lantern meadow',
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

  it('labels every field, has a date input and links to sign in', async () => {
    await open();
    const labels = Array.from(root.querySelectorAll('mat-label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['Enrolment number', 'Date of birth', 'Email', 'Password', 'Confirm password']);
    expect(field(root, 'Date of birth').type).toBe('text');
    expect(field(root, 'Date of birth').placeholder).toBe('dd/mm/yyyy');
    expect(textOf(field(root, 'Password').closest('mat-form-field')?.querySelector('mat-hint'))).toContain('8 to 128 characters');
    expect(root.querySelector('a[href="/sign-in"]')).not.toBeNull();
  });

  it('says the enrolment number is printed on the certificate, and never that the date of birth is', async () => {
    await open();
    const hint = (label: string) => textOf(field(root, label).closest('mat-form-field')?.querySelector('mat-hint'));
    expect(hint('Enrolment number')).toBe('As printed on your certificate');
    expect(hint('Date of birth')).toBe('Day, month and year, as your training centre has it, e.g. 27/03/2007');
    expect(textOf(root)).not.toMatch(/date of birth (printed|as printed)/i);
    expect(textOf(root)).toContain('your date of birth as you gave it to your training centre');
  });

  it('prefills the enrolment number from ?enrolment=', async () => {
    await open('/register/learner?enrolment=0002124');
    expect(field(root, 'Enrolment number').value).toBe('0002124');
  });

  it('asks for every field when submitted empty, without calling the API', async () => {
    await open();
    await submit();
    expect(errors(root)).toEqual([
      'Enter your enrolment number',
      'Enter your date of birth',
      'Enter your email address',
      'Choose a password',
      'Enter the password again',
    ]);
    expect(textOf(root.querySelector('[data-testid="learner-registration-error"]'))).toBe('Check the details marked below.');
    backend.expectNone('/api/learners/register');
  });

  it('checks the enrolment number length, the date, the email and the password rules of the centre staff registration', async () => {
    await open();
    fillValidForm({
      'Enrolment number': '1'.repeat(21),
      'Date of birth': '01/01/2999',
      Email: 'lukasz@learner',
      Password: 'short',
      'Confirm password': 'shorter',
    });
    await submit();
    expect(errorOf(root, 'Enrolment number')).toBe('Enter an enrolment number of at most 20 characters');
    expect(errorOf(root, 'Date of birth')).toBe('Enter a date of birth in the past');
    expect(errorOf(root, 'Email')).toBe('Enter a valid email address, like name@example.org');
    expect(errorOf(root, 'Password')).toBe('Choose a password of at least 8 characters');
    expect(errorOf(root, 'Confirm password')).toBe('The passwords do not match');
    backend.expectNone('/api/learners/register');
  });

  it("sends the trimmed details and shows the server's message on 202", async () => {
    await open();
    fillValidForm();
    await submit();

    const request = backend.expectOne('/api/learners/register');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      enrolmentNumber: '0002124',
      dateOfBirth: '2001-03-14',
      email: 'lukasz@learner.example',
      password: 'gearbox lantern meadow',
    });
    request.flush(ACCEPTED, { status: 202, statusText: 'Accepted' });
    await settle(fixture);

    const confirmation = root.querySelector('[data-testid="learner-registration-confirmation"]');
    expect(root.querySelector('form[aria-label="Learner registration"]')).toBeNull();
    expect(textOf(confirmation?.querySelector('h1'))).toBe('Check your email');
    expect(textOf(root.querySelector('[data-testid="learner-registration-message"]'))).toBe(ACCEPTED.message);
    expect(root.querySelector('[data-testid="learner-registration-message"]')?.closest('[role="status"]')).not.toBeNull();
    expect(document.activeElement).toBe(confirmation?.querySelector('h1'));
  });

  it('sends the verification link again on request', async () => {
    await open();
    fillValidForm();
    await submit();
    backend.expectOne('/api/learners/register').flush(ACCEPTED, { status: 202, statusText: 'Accepted' });
    await settle(fixture);

    button(root, 'Send the link again')!.click();
    const resend = backend.expectOne('/api/registrations/resend');
    expect(resend.request.body).toEqual({ email: 'lukasz@learner.example' });
    resend.flush(
      { message: 'If that address has a registration waiting for verification, we have sent a new link to it.' },
      { status: 202, statusText: 'Accepted' },
    );
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="resend-confirmation"]'))).toContain('we have sent a new link to it.');
  });

  it("puts the API's field errors under the fields and its message in the alert", async () => {
    await open();
    fillValidForm({ Password: 'password123', 'Confirm password': 'password123' });
    await submit();
    const problem = 'This password is too common. Choose another.';
    backend
      .expectOne('/api/learners/register')
      .flush({ statusCode: 400, error: 'Bad Request', message: problem, fieldErrors: { password: [problem] } }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);

    expect(errorOf(root, 'Password')).toBe(problem);
    expect(textOf(root.querySelector('[data-testid="learner-registration-error"]'))).toBe(problem);
    expect(root.querySelector('[data-testid="learner-registration-confirmation"]')).toBeNull();
  });
});
