import { SessionUser } from '@achievement/contracts';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMINISTRATOR, CENTRE_STAFF, SUPPORT, provideSession } from '../../testing/session-stub';
import { requireAnonymous, requireRole, requireSignIn } from './role.guard';

@Component({ selector: 'ap-home-stub', template: 'home page' })
class HomeStub {}

@Component({ selector: 'ap-sign-in-stub', template: 'sign-in page' })
class SignInStub {}

@Component({ selector: 'ap-admin-stub', template: 'admin area' })
class AdminStub {}

const routes: Routes = [
  { path: '', pathMatch: 'full', canMatch: [requireSignIn], component: HomeStub },
  { path: 'sign-in', canMatch: [requireAnonymous], component: SignInStub },
  { path: 'admin', canMatch: [requireRole('administrator', 'support')], children: [{ path: '**', component: AdminStub }] },
];

async function visit(user: SessionUser | null, url: string): Promise<{ url: string; text: string }> {
  TestBed.configureTestingModule({ providers: [provideRouter(routes), provideSession(user).provider] });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return { url: TestBed.inject(Router).url, text: harness.routeNativeElement?.textContent ?? '' };
}

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
