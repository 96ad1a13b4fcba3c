import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { SessionUser } from '@achievement/contracts';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { settle, textOf } from '../../testing/forms';
import { LEARNER, provideSession, SessionStub, THIRD_PARTY } from '../../testing/session-stub';
import { aThirdPartyConnection } from '../learner/sharing-fixtures';
import { InvitationPageComponent } from './invitation-page.component';

@Component({ template: 'elsewhere' })
class ElsewhereStub {}

const INVITATION = { learnerName: 'Łukasz Wójcik', email: 'priya@garage.example', accessEndsAt: '2027-02-28T12:00:00.000Z', documentCount: 2 };

describe('InvitationPageComponent', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let root: HTMLElement;
  let session: SessionStub;

  async function open(user: SessionUser | null): Promise<void> {
    const provided = provideSession(user);
    session = provided.stub;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'invitations/:token', component: InvitationPageComponent },
          { path: '**', component: ElsewhereStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provided.provider,
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/invitations/tok_123', InvitationPageComponent);
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  async function answer(body: object, status = 200): Promise<void> {
    const request = backend.expectOne('/api/invitations/tok_123');
    expect(request.request.method).toBe('GET');
    request.flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  it('says what is shared, with whom and until when; a visitor can register from it or sign in and come back', async () => {
    await open(null);
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    await answer(INVITATION);

    expect(textOf(root.querySelector('[data-testid="invitation-summary"]'))).toBe(
      'Łukasz Wójcik has shared 2 documents with priya@garage.example until 28 February 2027.',
    );
    expect(root.querySelector('[data-testid="invitation-register"]')?.getAttribute('href')).toBe(
      '/register/third-party?invitation=tok_123&email=priya@garage.example',
    );
    expect(textOf(root.querySelector('[data-testid="invitation-register"]'))).toBe('Register as a third party');
    expect(root.querySelector('[data-testid="invitation-sign-in"]')?.getAttribute('href')).toBe('/sign-in?returnUrl=%2Finvitations%2Ftok_123');
    expect(root.querySelector('[data-testid="invitation-accept"]')).toBeNull();
  });

  it('says "1 document" for one', async () => {
    await open(null);
    await answer({ ...INVITATION, documentCount: 1 });
    expect(textOf(root.querySelector('[data-testid="invitation-summary"]'))).toContain('has shared 1 document with');
  });

  it('lets a signed-in third party accept, then goes to Shared with me and says so', async () => {
    await open(THIRD_PARTY);
    await answer(INVITATION);
    expect(root.querySelector('[data-testid="invitation-register"]')).toBeNull();

    root.querySelector<HTMLButtonElement>('[data-testid="invitation-accept"]')!.click();
    await settle(fixture);
    const accept = backend.expectOne('/api/third-party/invitations/tok_123/accept');
    expect(accept.request.method).toBe('POST');
    accept.flush(aThirdPartyConnection());
    await settle(fixture);

    expect(TestBed.inject(Router).url).toBe('/third-party');
    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe("You accepted the invitation: Łukasz Wójcik's documents are under Shared with me.");
  });

  it("shows the API's reason when accepting is refused (another address)", async () => {
    await open(THIRD_PARTY);
    await answer(INVITATION);
    root.querySelector<HTMLButtonElement>('[data-testid="invitation-accept"]')!.click();
    await settle(fixture);
    const message = 'This invitation was sent to another email address. Sign in with the address it was sent to.';
    backend
      .expectOne('/api/third-party/invitations/tok_123/accept')
      .flush({ statusCode: 403, error: 'Forbidden', message }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);

    expect(textOf(root.querySelector('[data-testid="invitation-accept-error"]'))).toBe(message);
    expect(TestBed.inject(Router).url).toBe('/invitations/tok_123');
  });

  it('tells someone signed in with another role to sign in as the third party, and lets them sign out', async () => {
    await open(LEARNER);
    await answer(INVITATION);
    expect(root.querySelector('[data-testid="invitation-accept"]')).toBeNull();
    expect(textOf(root.querySelector('[data-testid="invitation-wrong-role"]'))).toContain(
      'To accept this invitation, sign out and sign in (or register) as the third party it was sent to, priya@garage.example.',
    );

    root.querySelector<HTMLButtonElement>('[data-testid="invitation-sign-out"]')!.click();
    await settle(fixture);
    expect(session.user()).toBeNull();
    expect(root.querySelector('[data-testid="invitation-register"]')).not.toBeNull();
  });

  it('says an unknown, used or expired invitation is gone (404)', async () => {
    await open(null);
    await answer({ statusCode: 404, error: 'Not Found', message: 'Not found', code: 'INVITATION_GONE' }, 404);
    expect(textOf(root.querySelector('[data-testid="invitation-gone"]'))).toBe('This invitation has expired, been used, or does not exist.');
    expect(root.querySelector('[data-testid="invitation-register"]')).toBeNull();
  });

  it('offers Retry when the API cannot answer', async () => {
    await open(null);
    await answer({ statusCode: 503, error: 'Service Unavailable', message: 'The portal is busy.' }, 503);
    expect(textOf(root.querySelector('[data-testid="invitation-error"]'))).toContain('The portal is busy.');
    root.querySelector<HTMLButtonElement>('[data-testid="invitation-error"] button')!.click();
    await settle(fixture);
    await answer(INVITATION);
    expect(root.querySelector('[data-testid="invitation-summary"]')).not.toBeNull();
  });
});
