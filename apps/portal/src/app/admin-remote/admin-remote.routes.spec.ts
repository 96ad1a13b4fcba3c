import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMIN_REMOTE_LOADER, AdminRemoteModule, loadAdminRoutes } from './admin-remote.routes';

@Component({ template: 'remote email log' })
class RemoteEmailLogStub {}

async function visitAdmin(loader: () => Promise<AdminRemoteModule>): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: 'admin', loadChildren: loadAdminRoutes }]), { provide: ADMIN_REMOTE_LOADER, useValue: loader }],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/admin/emails');
  return harness.routeNativeElement as HTMLElement;
}

describe('loadAdminRoutes', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it("mounts the remote's routes under /admin", async () => {
    const page = await visitAdmin(async () => ({ routes: [{ path: 'emails', component: RemoteEmailLogStub }] }));
    expect(page.textContent).toBe('remote email log');
  });

  it('shows the fallback page with Retry when the remote cannot be loaded', async () => {
    const page = await visitAdmin(() => Promise.reject(new Error('Failed to fetch /admin-remote/remoteEntry.json')));

    const fallback = page.querySelector('[data-testid="remote-error"]');
    expect(fallback).not.toBeNull();
    expect(fallback?.textContent).toContain('The administration area could not be loaded. Try again in a moment; if it keeps failing, contact support.');
    expect(fallback?.querySelector('button')?.textContent?.trim()).toContain('Retry');
  });

  it('shows the fallback page when the remote exposes no routes', async () => {
    const page = await visitAdmin(async () => ({}) as AdminRemoteModule);
    expect(page.querySelector('[data-testid="remote-error"]')).not.toBeNull();
  });
});
