import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, errorOf, errors, field, settle, textOf, type } from '../../testing/forms';
import { ThirdPartyRegistrationPageComponent } from './third-party-registration-page.component';

@Component({ template: 'elsewhere' })
class ElsewhereStub {}

const ACCEPTED = { message: 'Thank you. We have sent an email to the address you gave.' };

describe('ThirdPartyRegistrationPageComponent', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  async function open(url = '/register/third-party'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'register/third-party', component: ThirdPartyRegistrationPageComponent },
          { path: '**', component: ElsewhereStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, ThirdPartyRegistrationPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  function fill(values: Record<string, string>): void {
    for (const [label, value] of Object.entries(values)) {
      type(root, label, value);
    }
  }

  async function submit(): Promise<void> {
    button(root, 'Register')!.click();
    await fixture.whenStable();
  }

  const valid = {
    'First name': ' Priya ',
    'Last name': 'Patel',
    Email: 'priya@garage.example',
    Password: 'torque wrench sunrise',
    'Confirm password': 'torque wrench sunrise',
  };

  it('labels every field, the organisation optional', async () => {
    await open();
    const labels = Array.from(root.querySelectorAll('mat-label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['First name', 'Last name', 'Organisation (optional)', 'Email', 'Password', 'Confirm password']);
  });

  it('asks for the required fields only, without calling the API', async () => {
    await open();
    await submit();
    expect(errors(root)).toEqual([
      'Enter your first name',
      'Enter your last name',
      'Enter your email address',
      'Choose a password',
      'Enter the password again',
    ]);
    backend.expectNone('/api/third-parties/register');
  });

  it('checks the email and the password rules', async () => {
    await open();
    fill({ ...valid, Email: 'priya@', Password: 'short', 'Confirm password': 'short' });
    await submit();
    expect(errorOf(root, 'Email')).toBe('Enter a valid email address, like name@example.org');
    expect(errorOf(root, 'Password')).toBe('Choose a password of at least 8 characters');
    backend.expectNone('/api/third-parties/register');
  });

  it('sends the details, leaving out an empty organisation, and shows the message with the way to sign in', async () => {
    await open();
    fill(valid);
    await submit();
    const request = backend.expectOne('/api/third-parties/register');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ firstName: 'Priya', lastName: 'Patel', email: 'priya@garage.example', password: 'torque wrench sunrise' });
    request.flush(ACCEPTED, { status: 202, statusText: 'Accepted' });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="third-party-registration-message"]'))).toBe(ACCEPTED.message);
    expect(root.querySelector('a[href="/sign-in"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="back-to-invitation"]')).toBeNull();
  });

  it('from an invitation: prefills the email, sends the organisation and leads back to the invitation once verified', async () => {
    await open('/register/third-party?invitation=tok_123&email=priya%40garage.example');
    expect(field(root, 'Email').value).toBe('priya@garage.example');
    fill({ ...valid, 'Organisation (optional)': ' Patel Motors ' });
    await submit();
    const request = backend.expectOne('/api/third-parties/register');
    expect(request.request.body).toMatchObject({ organisation: 'Patel Motors', email: 'priya@garage.example' });
    request.flush(ACCEPTED, { status: 202, statusText: 'Accepted' });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="third-party-registration-next"]'))).toContain(
      'Follow the link in the email to verify your address. Then sign in and accept the invitation',
    );
    expect(root.querySelector('[data-testid="back-to-invitation"]')?.getAttribute('href')).toBe('/invitations/tok_123');
  });

  it("shows the API's message when it refuses", async () => {
    await open();
    fill(valid);
    await submit();
    backend
      .expectOne('/api/third-parties/register')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'Too many registrations. Try again later.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="third-party-registration-error"]'))).toBe('Too many registrations. Try again later.');
  });
});
