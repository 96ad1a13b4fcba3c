import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { firstValueFrom } from 'rxjs';
import { stepUpInterceptor } from './step-up.interceptor';

/** A host for the harness loader of the document root (where dialogs open). */
@Component({ template: '' })
class EmptyHost {}

const STEP_UP = { statusCode: 403, error: 'Forbidden', message: 'Confirm it is you', code: 'STEP_UP_REQUIRED' };
const FACTORS = {
  required: true,
  totp: { createdAt: '2026-12-01T09:00:00.000Z', lastUsedAt: null },
  passkeys: [],
  recoveryCodes: { remaining: 10, createdAt: '2026-12-01T09:00:00.000Z' },
};

describe('stepUpInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([stepUpInterceptor])),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await TestBed.inject(ApplicationRef).whenStable();
  };
  const dialog = () => TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(EmptyHost)).getHarness(MatDialogHarness);

  it('asks for the second factor on 403 STEP_UP_REQUIRED, then sends the request again once', async () => {
    const answer = firstValueFrom(http.post<{ ok: boolean }>('/api/admin/documents/7/revoke', { reason: 'Issued in error' }));
    backend.expectOne('/api/admin/documents/7/revoke').flush(STEP_UP, { status: 403, statusText: 'Forbidden' });
    await settle();
    backend.expectOne('/api/account/factors').flush(FACTORS);
    await settle();

    const open = await dialog();
    expect(await open.getTitleText()).toBe('Confirm it’s you');
    await (await open.getHarness(MatInputHarness)).setValue('123 456');
    await (await open.getHarness(MatButtonHarness.with({ text: 'Continue' }))).click();
    const given = backend.expectOne('/api/auth/second-factor/totp');
    expect(given.request.body).toEqual({ code: '123 456' });
    given.flush({ user: null, pending: null });
    await settle();

    const again = backend.expectOne('/api/admin/documents/7/revoke');
    expect(again.request.body).toEqual({ reason: 'Issued in error' });
    again.flush({ ok: true });
    expect(await answer).toEqual({ ok: true });
  });

  it('gives the caller the 403 when the dialog is cancelled', async () => {
    const answer = firstValueFrom(http.delete('/api/account/factors/totp')).catch((error: { status: number }) => error.status);
    backend.expectOne('/api/account/factors/totp').flush(STEP_UP, { status: 403, statusText: 'Forbidden' });
    await settle();
    backend.expectOne('/api/account/factors').flush(FACTORS);
    await (await (await dialog()).getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    expect(await answer).toBe(403);
  });

  it('leaves other refusals alone', async () => {
    const answer = firstValueFrom(http.get('/api/admin/users')).catch((error: { status: number }) => error.status);
    backend
      .expectOne('/api/admin/users')
      .flush({ statusCode: 403, error: 'Forbidden', message: 'You do not have access to this.' }, { status: 403, statusText: 'Forbidden' });
    expect(await answer).toBe(403);
  });
});
