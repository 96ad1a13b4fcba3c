import { PendingSignIn, SessionUser } from '@achievement/contracts';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMINISTRATOR, CENTRE_STAFF, SUPPORT, provideSession } from '../../testing/session-stub';
import { requireAnonymous, requirePending, requireRole, requireSignIn } from './role.guard';

@Component({ selector: 'ap-home-stub', template: 'home page' })
class HomeStub {}

@Component({ selector: 'ap-sign-in-stub', template: 'sign-in page' })
class SignInStub {}

@Component({ selector: 'ap-admin-stub', template: 'admin area' })
class AdminStub {}

@Component({ selector: 'ap-second-step-stub', template: 'second step' })
class SecondStepStub {}

const routes: Routes = [
  { path: '', pathMatch: 'full', canMatch: [requireSignIn], component: HomeStub },
  { path: 'sign-in', canMatch: [requireAnonymous], component: SignInStub },
  { path: 'sign-in/second-factor', canMatch: [requirePending('second_factor')], component: SecondStepStub },
  { path: 'sign-in/set-up', canMatch: [requirePending('enrolment')], component: SecondStepStub },
  { path: 'admin', canMatch: [requireRole('administrator', 'support')], children: [{ path: '**', component: AdminStub }] },
];

async function visit(user: SessionUser | null, url: string, pending: PendingSignIn | null = null): Promise<{ url: string; text: string }> {
  const session = provideSession(user);
  session.stub.pendingStep.set(pending);
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({ providers: [provideRouter(routes), session.provider] });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return { url: TestBed.inject(Router).url, text: harness.routeNativeElement?.textContent ?? '' };
}

describe('requirePending', () => {
  const pending = (step: PendingSignIn['step']): PendingSignIn => ({
    step,
    methods: step === 'enrolment' ? [] : ['totp'],
    name: 'Ada Admin',
    expiresAt: '2026-12-03T10:10:00.000Z',
  });

  it('sends a half-signed-in visitor to the second step, coming back afterwards', async () => {
    expect(await visit(null, '/admin/emails', pending('second_factor'))).toEqual({
      url: '/sign-in/second-factor?returnUrl=%2Fadmin%2Femails',
      text: 'second step',
    });
    expect(await visit(null, '/', pending('enrolment'))).toEqual({ url: '/sign-in/set-up', text: 'second step' });
  });

  it('opens a second step only while the session is at that step', async () => {
    expect((await visit(null, '/sign-in/set-up', pending('second_factor'))).url).toBe('/sign-in');
    expect((await visit(null, '/sign-in/second-factor')).url).toBe('/sign-in');
    expect((await visit(ADMINISTRATOR, '/sign-in/second-factor')).url).toBe('/');
  });
});

describe('requireRole', () => {
  it('lets an administrator into the admin area', async () => {
    expect(await visit(ADMINISTRATOR, '/admin/emails')).toEqual({ url: '/admin/emails', text: 'admin area' });
  });

  it('lets support into the admin area', async () => {
    expect(await visit(SUPPORT, '/admin/emails')).toEqual({ url: '/admin/emails', text: 'admin area' });
  });

  it('sends centre staff to the home page instead', async () => {
    expect(await visit(CENTRE_STAFF, '/admin/emails')).toEqual({ url: '/', text: 'home page' });
  });

  it('sends an anonymous visitor to sign in, coming back afterwards', async () => {
    expect(await visit(null, '/admin/emails?status=failed')).toEqual({
      url: '/sign-in?returnUrl=%2Fadmin%2Femails%3Fstatus%3Dfailed',
      text: 'sign-in page',
    });
  });
});

describe('requireSignIn and requireAnonymous', () => {
  it('redirects an anonymous visitor of the home page to /sign-in', async () => {
    expect(await visit(null, '/')).toEqual({ url: '/sign-in', text: 'sign-in page' });
  });

  it('sends a signed-in user away from the sign-in page', async () => {
    expect(await visit(CENTRE_STAFF, '/sign-in')).toEqual({ url: '/', text: 'home page' });
  });
});
