import { Profile, PROFILE_NOTICE } from '@achievement/contracts';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, errorOf, field, settle, textOf, type } from '../../testing/forms';
import { CENTRE_STAFF, provideSession, SessionStub } from '../../testing/session-stub';
import { ProfilePageComponent } from './profile-page.component';

@Component({ template: 'elsewhere' })
class ElsewhereStub {}

function aProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    email: 'carol@northfield.example',
    role: 'centre_staff',
    firstName: 'Carol',
    lastName: 'Centre',
    phone: '0113 496 0000',
    jobTitle: null,
    addressLine1: null,
    addressLine2: null,
    town: null,
    postcode: null,
    country: null,
    centre: { number: '12345', name: 'Northfield College' },
    notice: PROFILE_NOTICE,
    ...overrides,
  };
}

describe('ProfilePageComponent', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let session: SessionStub;
  let root: HTMLElement;

  beforeEach(async () => {
    const { stub, provider } = provideSession(CENTRE_STAFF);
    session = stub;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'profile', component: ProfilePageComponent },
          { path: '**', component: ElsewhereStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/profile', ProfilePageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  async function loaded(profile: Profile = aProfile()): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/profile' }).flush(profile);
    await settle(fixture);
  }

  async function snackBarMessage(): Promise<string> {
    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    return snackBar.getMessage();
  }

  function definitions(): Record<string, string> {
    const terms = Array.from(root.querySelectorAll('[data-testid="profile-account"] dt'));
    return Object.fromEntries(terms.map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]));
  }

  it("points to the Support page from the notice, and opens at Manage from the dashboard's Manage (/profile#manage)", async () => {
    await loaded();
    expect(root.querySelector('[data-testid="profile-notice"] a')?.getAttribute('href')).toBe('/support');

    const router = TestBed.inject(Router);
    await router.navigateByUrl('/elsewhere');
    await router.navigateByUrl('/profile#manage');
    fixture.detectChanges();
    await loaded();
    expect(document.activeElement?.id).toBe('manage-title');
    expect(textOf(document.activeElement)).toBe('Manage');
  });

  it('shows the notice prominently, and the account details read-only', async () => {
    await loaded();

    expect(textOf(root.querySelector('h1'))).toBe('View and Edit My Profile');
    const notice = root.querySelector('[data-testid="profile-notice"]');
    expect(notice?.getAttribute('role')).toBe('note');
    expect(textOf(notice)).toContain(`PLEASE NOTE: ${PROFILE_NOTICE}`);
    expect(definitions()).toEqual({ Email: 'carol@northfield.example', Role: 'Centre staff', Centre: '12345 – Northfield College' });
    expect(field(root, 'First name').value).toBe('Carol');
    expect(field(root, 'Phone (optional)').value).toBe('0113 496 0000');
    expect(textOf(root)).toContain('it can be used as a billing and/or delivery address when ordering printed copies');
  });

  it('shows the error of loading with Retry', async () => {
    backend
      .expectOne('/api/profile')
      .flush({ statusCode: 503, error: 'Service Unavailable', message: 'Try later.' }, { status: 503, statusText: 'Unavailable' });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="profile-load-error"]'))).toContain('Try later.');
    button(root, 'Retry')!.click();
    await loaded();
    expect(root.querySelector('[data-testid="profile-load-error"]')).toBeNull();
  });

  it('saves the details and the address, confirms it and refreshes the name in the top bar', async () => {
    await loaded();
    type(root, 'First name', ' Caroline ');
    type(root, 'Job title (optional)', 'Exams officer');
    type(root, 'Phone (optional)', '');
    type(root, 'Address line 1', '1 High Street');
    type(root, 'Town or city', 'Leeds');
    type(root, 'Postcode', 'ls1  1aa');
    const country = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    expect(await country.getValueText()).toBe('United Kingdom');
    button(root, 'Save')!.click();
    await fixture.whenStable();

    const request = backend.expectOne({ method: 'PATCH', url: '/api/profile' });
    expect(request.request.body).toEqual({
      firstName: 'Caroline',
      lastName: 'Centre',
      phone: null,
      jobTitle: 'Exams officer',
      addressLine1: '1 High Street',
      addressLine2: null,
      town: 'Leeds',
      postcode: 'LS1 1AA',
      country: 'GB',
    });
    session.current.set({ ...CENTRE_STAFF, name: 'Caroline Centre' });
    request.flush(
      aProfile({
        firstName: 'Caroline',
        jobTitle: 'Exams officer',
        phone: null,
        addressLine1: '1 High Street',
        town: 'Leeds',
        postcode: 'LS1 1AA',
        country: 'GB',
      }),
    );
    await settle(fixture);

    expect(await snackBarMessage()).toBe('Your profile has been saved.');
    expect(session.refreshed).toBe(1);
    expect(field(root, 'First name').value).toBe('Caroline');
  });

  it('sends no address at all when every line is empty, whatever the country says', async () => {
    await loaded(aProfile({ addressLine1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'IE' }));
    for (const label of ['Address line 1', 'Town or city', 'Postcode']) {
      type(root, label, '');
    }
    button(root, 'Save')!.click();
    await fixture.whenStable();

    const body = backend.expectOne({ method: 'PATCH', url: '/api/profile' }).request.body as Record<string, unknown>;
    expect([body['addressLine1'], body['addressLine2'], body['town'], body['postcode'], body['country']]).toEqual([null, null, null, null, null]);
  });

  it('asks for the rest of an address once part of it is filled in', async () => {
    await loaded();
    type(root, 'Postcode', 'LS1 1AA');
    button(root, 'Save')!.click();
    await fixture.whenStable();

    expect(errorOf(root, 'Address line 1')).toBe('Enter the first line of the address');
    expect(errorOf(root, 'Town or city')).toBe('Enter the town or city');
    backend.expectNone({ method: 'PATCH', url: '/api/profile' });
  });

  it("puts the API's field errors under the fields", async () => {
    await loaded();
    type(root, 'Last name', 'Centre');
    button(root, 'Save')!.click();
    await fixture.whenStable();
    backend.expectOne({ method: 'PATCH', url: '/api/profile' }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'lastName must not contain control characters',
        fieldErrors: { lastName: ['lastName must not contain control characters'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(errorOf(root, 'Last name')).toBe('lastName must not contain control characters');
    expect(textOf(root.querySelector('[data-testid="profile-save-error"]'))).toBe('lastName must not contain control characters');
    expect(session.refreshed).toBe(0);
  });

  describe('Manage: change password', () => {
    async function change(current: string, next: string, confirmation = next): Promise<void> {
      type(root, 'Current password', current);
      type(root, 'New password', next);
      type(root, 'Confirm new password', confirmation);
      button(root, 'Save new password')!.click();
      await fixture.whenStable();
    }

    it('checks the new password twice and its length before calling the API', async () => {
      await loaded();
      await change('old secret', 'short', 'shorter');

      expect(errorOf(root, 'New password')).toBe('Choose a password of at least 8 characters');
      expect(errorOf(root, 'Confirm new password')).toBe('The passwords do not match');
      backend.expectNone('/api/auth/change-password');
    });

    it('changes the password, confirms it and empties the form', async () => {
      await loaded();
      await change('old secret', 'a new long passphrase');

      const request = backend.expectOne({ method: 'POST', url: '/api/auth/change-password' });
      expect(request.request.body).toEqual({ currentPassword: 'old secret', newPassword: 'a new long passphrase' });
      request.flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);

      expect(await snackBarMessage()).toBe('Your password has been changed. You have been signed out on your other devices.');
      expect(field(root, 'Current password').value).toBe('');
      expect(errorOf(root, 'Current password')).toBeNull();
    });

    it('says so under the field when the current password is wrong', async () => {
      await loaded();
      await change('wrong', 'a new long passphrase');
      backend.expectOne('/api/auth/change-password').flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Your current password is not correct.',
          fieldErrors: { currentPassword: ['Your current password is not correct.'] },
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle(fixture);

      expect(errorOf(root, 'Current password')).toBe('Your current password is not correct.');
    });
  });

  it('signs out everywhere and goes to the sign-in page', async () => {
    await loaded();
    button(root, 'Sign out everywhere')!.click();
    await settle(fixture);

    expect(session.signedOutEverywhere).toBe(1);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });
});
